//! The IR of one `#[jit]` function: a typed-later expression tree in an arena.
//!
//! Produced by `lower` at macro time, serialised into the user's crate with postcard,
//! decoded by the runtime at the first call. Entities are small ids into per-function
//! arenas (cranelift style): `ExprId` into `FnIr::exprs`, `LocalId` into `FnIr::locals`
//! (parameters first), `RefId` into `FnIr::refs` (called or named items, resolved by
//! rustc in the generated glue), `ClassRefId` into `FnIr::classes`, `OpaqueRefId` into
//! `FnIr::opaques`, `ConstId` into `FnIr::consts` (constants rustc evaluates, whose
//! values the runtime writes in: `consts.rs`), and `LocId` into the table of
//! `(line, column)`s that the glue emits beside the IR (one per location the lowering
//! recorded).
//!
//! This file holds the entities and the function; `expr.rs` the expressions,
//! `type_expr.rs` the written types, `trait_ir.rs` a `#[jit] trait`'s declaration, `consts.rs` the constants, `walk.rs` the exhaustive
//! walkers over them, `validate.rs` the invariant check and `print.rs` the text form.
//!
//! Invariants that `FnIr::validate` checks (at every decoding in the runtime, and after
//! lowering in debug builds), so that inference and codegen index without checks:
//! - every id is in range of its arena (expressions, locals, refs, classes, opaques,
//!   constants, generic parameters, `objmode!` blocks), also inside written types and
//!   patterns;
//! - a `Break`/`Continue` targets a loop: `Loop`, `While`, `ForRange` or `ForEach`;
//! - the IR keeps within the limits of `crate::limits` (nesting, type sizes).
//!
//! Invariants the lowering guarantees and later passes rely on, but `validate` does not
//! check: a `Break`/`Continue` is inside the loop it targets (`while let` lowers to a
//! `Loop` the `break` of its `else` leaves); a `Local` expression's local is declared (by
//! a parameter, a `let`, a `for`, or an `if let` pattern) before it is read.

use serde::{Deserialize, Serialize};

mod consts;
mod expr;
pub mod loop_exits;
mod print;
mod trait_ir;
mod trait_owners;
mod type_expr;
mod validate;
mod walk;

pub use consts::ConstDecl;
pub use expr::{
    ArrayInit, BinOp, Block, Expr, ExprKind, FloatLit, Intrinsic, Lit, PanicMessage, Pattern,
    RangeOrder, Stmt, UnOp, VecInit,
};
pub use print::{print_class, print_fn};
pub use trait_ir::{TraitDispatch, TraitIr, TraitMethodIr};
pub use type_expr::{ArrayLen, TypeExpr};
pub use walk::ItemUse;

/// The name of the hidden index local of a `for` loop over a borrowed container
/// (`lower/vecs.rs`), which no source name can be: `v[i]` with this `i` reads the loop's
/// element, which Rust's loop borrows rather than moves.
pub const LOOP_INDEX: &str = " index";

/// The hidden methods `&*b` and `&mut *b` lower to (`b` a `Box<dyn Trait>`), which no
/// source name can be: they lend the trait object the box holds, as `b.as_ref()` and
/// `b.as_mut()` do (`infer/trait_objects.rs`).
pub const REBORROW: &str = " reborrow";
/// `&mut *b`'s; see `REBORROW`.
pub const REBORROW_MUT: &str = " reborrow_mut";

macro_rules! entity {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            /// The index into the arena.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

entity!(
    /// An expression in `FnIr::exprs`.
    ExprId
);
entity!(
    /// A local variable (parameters first) in `FnIr::locals`.
    LocalId
);
entity!(
    /// An item named by the body (a called jit fn) in `FnIr::refs`.
    RefId
);
entity!(
    /// A source location in the table the glue emits beside the IR.
    LocId
);
entity!(
    /// The Rust type `T` of a `PassThru<T>` named by the function, in `FnIr::opaques`.
    OpaqueRefId
);
entity!(
    /// A constant rustc evaluates for the function (or class), in `FnIr::consts` /
    /// `ClassIr::consts`: an array length or a constant's value.
    ConstId
);
entity!(
    /// A `#[jitclass]` type named by the function (in its signature or body) in
    /// `FnIr::classes`; the glue resolves it to the class's descriptor.
    ClassRefId
);
entity!(
    /// A `#[jit] trait` named by the function's body (`Shape::area(&c)`) in
    /// `FnIr::traits`; the glue resolves it to the trait's identity.
    TraitRefId
);

/// One `#[jit]` function.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FnIr {
    /// The function's name.
    pub name: String,
    /// Generic type parameter names, in declaration order; `TypeExpr::Generic(i)` refers here.
    pub generics: Vec<String>,
    /// The parameters, in order (`self` first for a method).
    pub params: Vec<Param>,
    /// The written return type (`()` if none).
    pub ret: TypeExpr,
    /// The return type's location (the parameter list's `)` when none is written).
    pub ret_loc: LocId,
    /// The function's name token.
    pub loc: LocId,
    /// The body block.
    pub body: ExprId,
    /// The expression arena.
    pub exprs: Vec<Expr>,
    /// The local variable arena, parameters first.
    pub locals: Vec<LocalDecl>,
    /// The items the body calls or names, by `RefId`.
    pub refs: Vec<ItemRef>,
    /// The generic arguments written on calls (`f::<T>(..)`, `v.m::<U>(..)`,
    /// `Class::f::<U>(..)`), by call expression: the callee's own, in order (a class's
    /// are those of the instantiation called), `Infer` for a `_`. A call not listed has
    /// them inferred.
    pub explicit_generics: Vec<(ExprId, Vec<TypeExpr>)>,
    /// The shared loops over one part of a map's entries (`for v in m.values()`,
    /// `m.keys()`), lowered to a loop binding that part of each entry `m[i]`: so that
    /// inference can word a container without that method (a set) as rustc does.
    #[serde(default)]
    pub part_loops: Vec<PartLoop>,
    /// Class types named by the function, as written (`Self` resolved to the impl's
    /// type); `TypeExpr::Class` refers here.
    pub classes: Vec<String>,
    /// The type arguments written on each class reference, by `ClassRefId` (`Stack<i64>`:
    /// `[i64]`); `Self` of a generic class (and the class applied to its own parameters)
    /// has its parameters, `[Generic(0), .., Generic(n - 1)]`. Empty for a class that is
    /// not generic, and for a generic class named without them outside `Self`
    /// (`Stack::new()`), whose arguments are inferred from the uses.
    pub class_args: Vec<Vec<TypeExpr>>,
    /// The type parameters (by index into `generics`; a generic class's impl's leading
    /// ones included) the user bounds with traits that are not the standard library's,
    /// with those traits (in `traits`, resolved to identities by the glue): their values
    /// offer the bounds' functions only, never a class's inherent ones
    /// (`infer/trait_methods.rs`, `infer/generic_origin.rs`).
    pub trait_bounded: Vec<(u32, Vec<TraitRefId>)>,
    /// The `#[jit] trait`s the body names in calls (`Shape::area(&c)`), in bounds and in
    /// trait objects, as written; `ExprKind::TraitCall` refers here.
    pub traits: Vec<String>,
    /// The class references that may name a trait instead (`Shape::area(&c)`: a bare
    /// path before `::f(..)`, which jit code cannot tell from a class at macro time),
    /// each with the trait reference of the same path. The glue resolves both tolerantly,
    /// and the runtime makes each `AssocCall` on one whose trait is a `#[jit] trait` a
    /// `TraitCall` of that trait before anything reads the IR (`trait_owners.rs`).
    pub trait_owners: Vec<(ClassRefId, TraitRefId)>,
    /// For a method of a `#[jitclass]` impl: how it takes `self` (the first parameter).
    pub receiver: Option<Receiver>,
    /// The Rust types inside the `PassThru<T>`s the function names, as written;
    /// `TypeExpr::PassThru` refers here.
    pub opaques: Vec<String>,
    /// How many `objmode!` blocks the body has; `ExprKind::ObjMode::index` < this.
    pub objmodes: u32,
    /// The constants the function names that rustc evaluates (array lengths such as
    /// `[f64; N]`, `const` items, paths to constants); `ArrayLen::Const` and
    /// `ExprKind::Const` refer here. The runtime replaces them by their values
    /// (`FnIr::resolve_consts`) before anything else reads the IR.
    pub consts: Vec<ConstDecl>,
    /// A C function declared in a `#[jit] extern "C"` block: only the signature is
    /// meaningful (the body is `()`), and calls go to the symbol.
    pub foreign: Option<ForeignFn>,
    /// A `#[jit] trait`'s default method compiled for a class: in its body, as rustc
    /// resolves it under `Self: Trait`, a function of `Self` is the trait's.
    pub trait_scope: Option<TraitScope>,
}

/// The trait a default method's body was written in, and the class it is compiled for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraitScope {
    /// The trait's identity: its name and where it is defined, unique in the program
    /// (`#[jit] trait` computes it; the impls' registry entries carry the same).
    pub trait_id: String,
    /// `Self`: the class the method is compiled for.
    pub self_class: ClassRefId,
    /// The other traits the method bounds `Self` with (`where Self: Measure`), in
    /// `FnIr::traits`: their functions of `Self` are reachable too.
    pub self_bounds: Vec<TraitRefId>,
}

/// A C function of the process that jit code calls, found by symbol when compiled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignFn {
    /// The symbol: the function's name, or its `#[link_name]`.
    pub symbol: String,
    /// Declared `safe fn`: calls need no `unsafe` block.
    pub safe: bool,
}

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Receiver {
    /// `&self`: the instance's fields are read-only in the body.
    Ref,
    /// `&mut self`.
    RefMut,
    /// `self`, as operator traits take it (`fn add(self, other: V)`).
    Value,
}

/// The fields of a `#[jitclass] struct`, in declaration order (= payload order).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClassIr {
    /// The class's name.
    pub name: String,
    /// The fields, in declaration order.
    pub fields: Vec<FieldIr>,
    /// Class types named by field types, as written; `TypeExpr::Class` refers here.
    pub classes: Vec<String>,
    /// The type arguments written on each class reference, by `ClassRefId` (`Stack<i64>`:
    /// `[i64]`); `Self` of a generic class (and the class applied to its own parameters)
    /// has its parameters, `[Generic(0), .., Generic(n - 1)]`. Empty for a class that is
    /// not generic, and for a generic class named without them outside `Self`
    /// (`Stack::new()`), whose arguments are inferred from the uses.
    pub class_args: Vec<Vec<TypeExpr>>,
    /// The Rust types of `PassThru<T>` fields, as written; `TypeExpr::PassThru` refers here.
    pub opaques: Vec<String>,
    /// The array lengths of field types that rustc evaluates (`[f64; N]`);
    /// `ArrayLen::Const` refers here (see `FnIr::consts`).
    pub consts: Vec<ConstDecl>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
/// A field of a `#[jitclass] struct`.
pub struct FieldIr {
    /// The field's name.
    pub name: String,
    /// The field's written type.
    pub ty: TypeExpr,
}

impl ClassIr {
    /// The postcard encoding the glue embeds.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("IR serialisation cannot fail")
    }

    /// Decodes what [`ClassIr::encode`] made.
    pub fn decode(bytes: &[u8]) -> Result<ClassIr, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
/// A parameter of a function.
pub struct Param {
    /// The local the parameter binds.
    pub local: LocalId,
    /// The written type.
    pub ty: TypeExpr,
    /// The parameter's location.
    pub loc: LocId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
/// A local variable: a parameter, a `let` binding, a loop variable or a pattern binding.
pub struct LocalDecl {
    /// The name as written.
    pub name: String,
    /// Declared `mut`.
    pub mutable: bool,
    /// Where it is declared.
    pub loc: LocId,
    /// Holds a reference into a `Vec` the body keeps: the `Option<&T>` of `v.first()`,
    /// `v.last()`, `v.get(i)`, or the `&T` inside it (held as the element's value; see
    /// `lower/elem_refs.rs`), which the `Vec` must outlive unchanged while it is live.
    pub elem_ref: bool,
    /// A `&C` / `&mut C` / `&S` parameter (`Some(mutable)`): held as the caller's instance,
    /// borrowed for the call, so no use of it moves it (as `self` of a `&self` method).
    pub by_ref: Option<bool>,
    /// A `&T` in Rust that jit code holds as the `T`'s value (the variable of a shared
    /// borrowed loop, `lower/vecs.rs`) and the body adds (`out += s`, `t + x`): the
    /// lowering wrote the addition's operand `&s`, which inference lends as a `&str` (a
    /// `String`'s) or reads as the value (std's `Add<&T>` of numbers, `infer/op.rs`).
    pub added_reference: bool,
    /// A `&T` in Rust that jit code holds as the `T`'s value: what a shared borrowed loop
    /// binds (its element or its parts), what `Some(w)` binds on one, and a `let y = x;`
    /// copy of one (`lower/vecs.rs`, `lower/elem_refs.rs`). Nothing behind it changes
    /// through it, even declared `mut` (E0596, `infer/place.rs`), it is no `T` where one is
    /// expected (E0308, `infer/vec.rs`), and it keeps its loop's borrow (`ir::loop_exits`).
    pub held_reference: bool,
}

/// A loop over one part of a map's entries (`FnIr::part_loops`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PartLoop {
    /// The entry read at each iteration (`m[i]` with the hidden loop index).
    pub element: ExprId,
    /// The method written (`keys`, `values`).
    pub method: String,
    /// Where the method's name is written.
    pub loc: LocId,
}

/// An item the body refers to by path; the glue resolves `path` with rustc.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ItemRef {
    /// The path as written, for messages (`helpers::norm`).
    pub path: String,
    /// Where the path is written.
    pub loc: LocId,
    /// Whether the reference is inside an `unsafe` block (calling a C function needs one).
    pub in_unsafe: bool,
}

impl FnIr {
    /// The generic arguments written on the call `id` (`FnIr::explicit_generics`), if any.
    pub fn explicit_generics_of(&self, id: ExprId) -> Option<&[TypeExpr]> {
        self.explicit_generics
            .iter()
            .find(|(call, _)| *call == id)
            .map(|(_, types)| types.as_slice())
    }

    /// The expression `id`.
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }

    /// The local `id`.
    pub fn local(&self, id: LocalId) -> &LocalDecl {
        &self.locals[id.index()]
    }

    /// In a `&self` / `&mut self` method: the `self` local and whether it is `&mut`.
    /// Rust's `self` is then a reference (`Copy` for `&self`), which coerces to a trait
    /// object; jit code holds it as the instance.
    pub fn self_reference(&self) -> Option<(LocalId, bool)> {
        let mutable = match self.receiver? {
            Receiver::Ref => false,
            Receiver::RefMut => true,
            Receiver::Value => return None,
        };
        Some((self.params.first()?.local, mutable))
    }

    /// The postcard encoding the glue embeds.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("IR serialisation cannot fail")
    }

    /// Decodes what [`FnIr::encode`] made; call [`FnIr::validate`] before using the result.
    pub fn decode(bytes: &[u8]) -> Result<FnIr, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// The bounds the body's memory-control calls put on the function's generic
    /// parameters: `(parameter index, trait name, the first call's location)` for each
    /// `sizeof::<T>()`, `unsafe_cast::<T>(..)`, ... whose type argument is the parameter
    /// itself.
    pub fn intrinsic_bounds(&self) -> Vec<(u32, &'static str, LocId)> {
        let mut bounds: Vec<(u32, &'static str, LocId)> = Vec::new();
        for e in &self.exprs {
            if let ExprKind::Intrinsic {
                which,
                ty: TypeExpr::Generic(i),
                ..
            } = &e.kind
                && !bounds
                    .iter()
                    .any(|&(j, b, _)| j == *i && b == which.rust_bound())
            {
                bounds.push((*i, which.rust_bound(), e.loc));
            }
        }
        bounds
    }
}

#[cfg(test)]
mod tests {
    /// `TypeExpr::Infer` (`Concrete`, which serde skips, must stay the last variant: serde
    /// numbers the variants it decodes without it) and the `Vec` forms decode as encoded.
    #[test]
    fn written_types_and_vec_forms_survive_encoding() {
        use crate::ir::*;
        for t in [
            TypeExpr::Vec(Box::new(TypeExpr::Prim(crate::types::PrimTy::F64))),
            TypeExpr::Infer,
        ] {
            let bytes = postcard::to_allocvec(&t).unwrap();
            let back: TypeExpr = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back, t);
        }
        let k = ExprKind::VecNew {
            elem: TypeExpr::Infer,
            init: VecInit::List(vec![ExprId(1)]),
        };
        let bytes = postcard::to_allocvec(&k).unwrap();
        let _back: ExprKind = postcard::from_bytes(&bytes).unwrap();
    }
}
