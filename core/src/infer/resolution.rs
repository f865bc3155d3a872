//! What inference resolved an expression to: the function a call calls with its generic
//! arguments, the builtin method, class function or operator impl it means, the payload
//! field it reads or writes. One `Resolution` per expression at most, kept in one table
//! (`Typed::resolutions`, by `ExprId`), which the text form prints and codegen and the
//! subtype footprint match on.
//!
//! Which expressions have one, and which kind each takes:
//! - `Call`: every `ExprKind::Call` (a jit fn or a declared C function);
//! - `Builtin`: a `MethodCall` on a primitive, a slice, a pointer or an `Option`;
//! - `ClassCall`: a `MethodCall` or `AssocCall` of a class function, a `Field` that reads
//!   a `#[getter]` property, an `Assign` to a `#[setter]` property (the `Field` place of
//!   that assignment has none: it is not evaluated);
//! - `ClassOp`: a `Unary`, `Binary`, `CompoundAssign` or `Index` on class instances, and a
//!   `Binary` `==` / `!=` on `Option`s or tuples holding them;
//! - `Field`: a `Field` that is a payload field of a class;
//! - `Literal`: every `StructLit`;
//! - `DynCall`: a `MethodCall` on a trait object.
//!
//! Beside them, `Typed::adjustments` holds the coercions to trait objects (`Adjustment`)
//! of the expressions used where one is expected.
//!
//! Every other expression has none, and so has each of these forms at macro time, when
//! the callees and classes are unknown.

use crate::methods::Builtin;
use crate::operators::Orderings;
use crate::types::{ClassKey, DynPointer, TraitKey, Type};

/// What one expression resolves to. `T` is how a generic argument is held: a concrete
/// `Type` in `Typed`, inference's own types while it runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution<T = Type> {
    /// `f(args)`: the callee's generic arguments (empty for a non-generic callee).
    Call {
        /// The callee's generic arguments, in declaration order.
        type_args: Vec<T>,
    },
    /// `x.sqrt()`: the builtin method (`crate::methods`).
    Builtin(Builtin),
    /// A function of a class, with its generic arguments; the receiver, if any, is the
    /// first argument.
    ClassCall {
        /// Which function of which class.
        call: ClassCall,
        /// The function's generic arguments, in declaration order.
        type_args: Vec<T>,
    },
    /// An operator on class instances, as calls of operator methods (which take no
    /// generic arguments).
    ClassOp(ClassOp),
    /// `v.name`: the payload index of the field.
    Field(u32),
    /// `V { .. }`: the payload index of each written field, in the order written.
    Literal(Vec<u32>),
    /// `s.area()` on a trait object (`&dyn Shape`, `Box<dyn Shape>`): a call through the
    /// vtable's slot; the receiver is the first argument.
    DynCall(DynCall),
}

/// A call of a trait's method through a trait object's vtable.
#[derive(Clone, Debug, PartialEq)]
pub struct DynCall {
    /// The trait (`Callees::dyn_trait` describes it).
    pub key: TraitKey,
    /// The method's name, for messages and the text form.
    pub method: String,
    /// Its place in the vtable (`TraitIr::method`'s slot).
    pub slot: u32,
}

/// How a value is converted where it is used, beyond its own type: rustc's "unsizing"
/// coercions to trait objects. `Typed::expr_types` holds an expression's type before its
/// adjustment; `Typed::adjusted_type` the type its user sees.
#[derive(Clone, Debug, PartialEq)]
pub enum Adjustment {
    /// A class instance (`c`, `&c`, `&mut c`) used where a `&dyn Trait` / `&mut dyn Trait`
    /// is expected: it becomes a trait object of `pointer` with `class`'s vtable for
    /// `key`. (`Box::new(c)` is typed `Box<dyn Trait>` itself: `ExprKind::BoxNew`.)
    ToDyn {
        /// The instance's class.
        class: ClassKey,
        /// The trait.
        key: TraitKey,
        /// How the trait object holds it.
        pointer: DynPointer,
    },
    /// A `Box<dyn Trait>` (or `&mut dyn Trait`) used where a `&dyn Trait` /
    /// `&mut dyn Trait` is expected, as rustc's deref coercion lends it.
    LendDyn {
        /// The trait.
        key: TraitKey,
        /// The pointer it becomes.
        pointer: DynPointer,
    },
}

impl Adjustment {
    /// The type an expression of type `before` has after the adjustment.
    pub fn target(&self) -> Type {
        match self {
            Adjustment::ToDyn { key, pointer, .. } | Adjustment::LendDyn { key, pointer } => {
                Type::Dyn {
                    key: key.clone(),
                    pointer: *pointer,
                }
            }
        }
    }
}

/// A call of a function of a class: `Callees::method(class, method)[candidate]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassCall {
    /// The class.
    pub class: ClassKey,
    /// The function's name in the class's registry (`"step"`, `"Mul::mul"`).
    pub method: String,
    /// Which of the functions of that name (one per impl of an operator trait).
    pub candidate: usize,
}

/// An operator on class instances, as calls of the class's operator trait methods.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassOp {
    /// `a + b` is `add(a, b)`, `-a` is `neg(a)`, `a += b` is `add_assign(a, b)`.
    Call(ClassCall),
    /// `a != b` as `!eq(a, b)`, when the class defines no `ne`.
    Negated(ClassCall),
    /// `a > b`, `a <= b`, `a >= b` when the class defines no `gt` / `le` / `ge`: whether
    /// the generated `partial_cmp(a, b)` (from `lt` and `eq`) is one of `accepts`
    /// (`crate::operators::Provided::ByPartialCmp`).
    ByPartialCmp {
        /// The `lt` call.
        lt: ClassCall,
        /// The `eq` call.
        eq: ClassCall,
        /// The orderings for which the operator is true.
        accepts: Orderings,
    },
    /// `a == b` / `a != b` on `Option`s or tuples holding class instances: std's impls
    /// of them, which call each class's `eq` (and, for a tuple's `!=`, its `ne`), one
    /// entry per class (`infer/structural_eq.rs`).
    Structural(Vec<ElementEq>),
}

/// The `PartialEq<Self>` impl of one class that `==` on an `Option` or tuple calls.
#[derive(Clone, Debug, PartialEq)]
pub struct ElementEq {
    /// Its `eq`.
    pub eq: ClassCall,
    /// Its `ne`, if the class defines one (else `!eq`, as Rust's provided method).
    pub ne: Option<ClassCall>,
}

impl ClassOp {
    /// The class functions the operator calls, in the order it calls them.
    pub fn calls(&self) -> Vec<&ClassCall> {
        match self {
            ClassOp::Call(c) | ClassOp::Negated(c) => vec![c],
            ClassOp::ByPartialCmp { lt, eq, .. } => vec![lt, eq],
            ClassOp::Structural(impls) => impls
                .iter()
                .flat_map(|e| std::iter::once(&e.eq).chain(&e.ne))
                .collect(),
        }
    }
}

impl<T> Resolution<T> {
    /// The generic arguments of the call it resolves to: none but those of a `Call` or
    /// a `ClassCall`.
    pub fn type_args(&self) -> &[T] {
        match self {
            Resolution::Call { type_args } | Resolution::ClassCall { type_args, .. } => type_args,
            Resolution::Builtin(_)
            | Resolution::ClassOp(_)
            | Resolution::Field(_)
            | Resolution::Literal(_)
            | Resolution::DynCall(_) => &[],
        }
    }

    /// The same resolution with each generic argument mapped by `f`.
    pub(super) fn map_type_args<U>(&self, mut f: impl FnMut(&T) -> U) -> Resolution<U> {
        match self {
            Resolution::Call { type_args } => Resolution::Call {
                type_args: type_args.iter().map(&mut f).collect(),
            },
            Resolution::ClassCall { call, type_args } => Resolution::ClassCall {
                call: call.clone(),
                type_args: type_args.iter().map(&mut f).collect(),
            },
            Resolution::Builtin(b) => Resolution::Builtin(*b),
            Resolution::ClassOp(op) => Resolution::ClassOp(op.clone()),
            Resolution::Field(index) => Resolution::Field(*index),
            Resolution::Literal(indices) => Resolution::Literal(indices.clone()),
            Resolution::DynCall(call) => Resolution::DynCall(call.clone()),
        }
    }
}
