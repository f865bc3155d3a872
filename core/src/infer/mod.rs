//! Type inference and checking of one function body.
//!
//! Unification over type variables, with Rust's literal rules: an unsuffixed integer
//! literal is an integer variable (default `i32`), a float literal a float variable
//! (default `f64`). Operator and cast validity is checked after unification, so the order
//! of statements does not matter for them; method calls and field accesses need their
//! receiver's type when they are reached, as in rustc.
//!
//! Two modes share this code:
//! - at macro time (`Mode::MacroTime`) the signatures of called jit fns are unknown; their
//!   results have the `Unknown` type, which unifies silently with anything, so only
//!   errors that are certain are reported;
//! - at the first call (`Mode::Runtime`) every signature and generic argument is known and
//!   every expression must end with a concrete type.
//!
//! This file holds the interface (`infer`, `Callees`, `Typed`) and the inference context
//! `Infer`, whose methods live in the files of its concerns:
//! - `unify`: inference types, type variables, unification and coercion;
//! - `expr`: the walk over expressions, blocks and branches; `pattern`: `let` and
//!   `if let` patterns; `loops`: loops, `break`, and what `for` walks;
//! - `place`: assignment, places and mutability;
//! - `call`: calls of functions, methods, function pointers and intrinsics;
//!   `explicit_generics`: the generic arguments written on calls;
//! - `option_method`: `Option<T>`'s methods while `T` is still open;
//! - `class`: fields, properties and struct literals of classes; `applied`: generic
//!   classes whose arguments are inferred from the uses (`Stack::new()`, a callee's
//!   `Stack<T>`), as the family's declarations until they are known, then the member;
//! - `op`: operators and casts; `class_op`: operators on class instances, through
//!   their operator traits;
//! - `deferred`: the checks that wait for final types (operators, casts, ...);
//! - `fallback`: literal defaults and finishing into concrete types;
//! - `limits`: inference within the type limits;
//! - `resolution`: what each expression was resolved to (`Resolution`), which the walk
//!   records once per expression;
//! - `trait_objects`: `Box::new`, coercions to trait objects and calls through them;
//! - `diagnostics`: every message.

use crate::diag::Diagnostic;
use crate::ir::{
    ClassRefId, ExprId, ExprKind, FnIr, LocId, OpaqueRefId, Receiver, RefId, TraitRefId, TypeExpr,
};
use crate::types::{ClassKey, OpaqueKey, TraitKey, Type};
use std::collections::HashMap;

mod applied;
mod array;
mod bound_checks;
mod call;
mod class;
mod class_keys;
mod class_op;
mod container_diagnostics;
mod defaults;
mod deferred;
mod diagnostics;
mod elem_refs;
mod explicit_generics;
mod expr;
mod fallback;
mod format_args;
mod generic_origin;
mod lending;
mod limits;
mod loop_borrows;
mod loops;
mod map;
mod op;
mod op_diagnostics;
mod option_method;
mod owned_text;
mod pattern;
mod place;
mod resolution;
mod sorted_handle;
mod string_borrows;
mod structural_eq;
mod text;
mod trait_methods;
mod trait_object_diagnostics;
mod trait_objects;
mod trait_path_dyn;
mod trait_static_calls;
mod unify;
mod vec;

use deferred::Deferred;
use unify::{Ty, VarState};

pub use array::{ArrayTypeError, array_type_error};
pub use resolution::{Adjustment, ClassCall, ClassOp, DynCall, ElementEq, Resolution};
pub use structural_eq::eq_leaves;
pub use unify::concrete_type;

/// The signature of a called function, as written (with its own generics). Class types
/// in it are already resolved (`TypeExpr::Concrete`), since its class references belong
/// to the callee.
#[derive(Clone, Debug)]
pub struct CalleeSig {
    /// The function's name, for messages.
    pub name: String,
    /// How many generic parameters it has.
    pub generics: usize,
    /// The parameter types; `TypeExpr::Generic` refers to its own generics.
    pub params: Vec<TypeExpr>,
    /// The return type, as `params`.
    pub ret: TypeExpr,
    /// An `extern "C"` jit fn or a declared C function: usable as a function pointer.
    pub extern_c: bool,
    /// A declared C function not marked `safe`: calling it needs an `unsafe` block.
    pub is_unsafe: bool,
    /// The generic parameters (by index into its own generics) it bounds with traits
    /// that are not the standard library's, with the traits' identities
    /// (`crate::Name@file:line:col`, `bound_checks.rs`).
    pub bounds: Vec<(usize, Vec<String>)>,
}

/// A field of a class, in payload order.
#[derive(Clone, Debug)]
pub struct FieldSig {
    /// The field's name.
    pub name: String,
    /// The field's concrete type.
    pub ty: Type,
}

/// A function of a class's impl blocks: a method (`receiver` is set and `self` is the
/// first parameter of `sig`), a constructor or a static method.
#[derive(Clone, Debug)]
pub struct MethodSig {
    /// The signature, `self` first for a method.
    pub sig: CalleeSig,
    /// How a method takes `self`; `None` for constructors and static methods.
    pub receiver: Option<Receiver>,
    /// Whether it is a property accessor.
    pub kind: FnKind,
    /// The `#[jit] trait` whose impl defines it; `None` for an inherent function (and
    /// an operator trait's method).
    pub of_trait: Option<TraitOf>,
    /// Of a generic class's function, its result type as declared with the class's
    /// generics (`T` of `fn get(&self) -> T` in `impl<T: Price> Cart<T>`), so that a
    /// bounded parameter's value it returns is known as one (`generic_origin.rs`).
    pub declared_ret: Option<TypeExpr>,
}

/// A `#[jit] trait`, as a class function's candidate names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraitOf {
    /// The trait's name as its definition writes it, for messages.
    pub name: String,
    /// The trait's identity (`crate::ir::TraitScope::trait_id`), which tells two traits
    /// of one name apart.
    pub id: String,
}

/// A `#[jit] trait` as its trait objects (`dyn Trait`) see it: its identity and its
/// functions' declarations, whose class and `PassThru` types are resolved
/// (`TypeExpr::Concrete`); a method whose signature names a type that is not a class
/// is `TraitDispatch::Untyped`.
#[derive(Clone, Debug)]
pub struct DynTraitSig {
    /// The trait's name and identity, as its impls' functions name it.
    pub of_trait: TraitOf,
    /// The functions, in declaration order (`TraitIr::method` gives a vtable slot).
    pub ir: crate::ir::TraitIr,
}

/// What a function of a class is to jit code besides a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnKind {
    /// An ordinary function, called as one.
    Plain,
    /// `#[getter] fn name(&self) -> T`: jit code reads it as the field `v.name`.
    Getter,
    /// `#[setter] fn set_name(&mut self, value: T)`: jit code writes `v.name = value`.
    Setter,
}

/// Supplies what a body refers to: called functions and classes.
pub trait Callees {
    /// `Ok(None)` when the signature is not known (macro time).
    fn signature(&self, item: RefId) -> Result<Option<CalleeSig>, String>;
    /// The class a class reference names; `Ok(None)` when not known (macro time).
    fn class(&self, class: ClassRefId) -> Result<Option<ClassKey>, String>;
    /// The type a class reference names, as `class` gives it, except that a reference to
    /// a generic class written without its type arguments outside the class's own impl
    /// (`Stack::new()`, `Stack { items }`) is `TypeExpr::Applied` with `Infer` for each
    /// argument, which inference infers from the uses as rustc does; `Ok(None)` when not
    /// known (macro time).
    fn class_type(&self, class: ClassRefId) -> Result<Option<TypeExpr>, String> {
        Ok(self
            .class(class)?
            .map(|key| TypeExpr::Concrete(Type::Class(key))))
    }
    /// The Rust type inside a `PassThru<T>`; `None` at macro time, where the written
    /// name identifies it.
    fn opaque(&self, opaque: OpaqueRefId) -> Option<OpaqueKey> {
        let _ = opaque;
        None
    }
    /// The fields of a class, in payload order.
    fn fields(&self, class: &ClassKey) -> Result<Vec<FieldSig>, String>;
    /// The functions called `name` in a class's impl blocks: one for an inherent
    /// function; one per impl for an operator trait's method (`Mul::mul` of `Mul<f64>` and
    /// of `Mul<V>`). Candidates keep their order, which `ClassCall::candidate` indexes.
    fn method(&self, class: &ClassKey, name: &str) -> Result<Vec<MethodSig>, String>;
    /// The names of a class's functions, for "no method named" messages.
    fn method_names(&self, class: &ClassKey) -> Vec<String>;
    /// The identity of a `#[jit] trait` the body names (`TraitOf::id`); `None` when not
    /// known (macro time).
    fn trait_id(&self, t: TraitRefId) -> Option<String> {
        let _ = t;
        None
    }
    /// The identity of the `#[jit] trait` a trait object the body writes names
    /// (`TypeExpr::Dyn`); `None` when not known (macro time).
    fn dyn_trait_key(&self, t: TraitRefId) -> Option<TraitKey> {
        let _ = t;
        None
    }
    /// The declaration of the `#[jit] trait` `key` identifies, for its trait objects;
    /// `Ok(None)` when not known (macro time).
    fn dyn_trait(&self, key: &TraitKey) -> Result<Option<DynTraitSig>, String> {
        let _ = key;
        Ok(None)
    }
    /// The type field `field` of the generic class `class` (a member, or the family
    /// itself) is declared with, in the class's generics (`item: T`, `items: Vec<T>`,
    /// `inner: Inner<T>`), its class and opaque references resolved as a callee's
    /// signature has them (`Concrete`, and `Applied` over the class's generics); `None`
    /// if not known.
    fn field_declared(&self, class: &ClassKey, field: usize) -> Option<TypeExpr> {
        let _ = (class, field);
        None
    }
    /// Whether a class implements the `#[jit] trait` of identity `trait_id`; `None` when
    /// not known (macro time).
    fn implements(&self, class: &ClassKey, trait_id: &str) -> Option<bool> {
        let _ = (class, trait_id);
        None
    }
    /// The bounds of a generic class's impl of the `#[jit] trait` `trait_id` that the
    /// instantiation `class`'s type arguments fail, as rustc writes them (`` `Plain: Shape` ``);
    /// empty when it has no such impl, one of them holds, or not known (macro time).
    fn unmet_impl_bounds(&self, class: &ClassKey, trait_id: &str) -> Vec<String> {
        let _ = (class, trait_id);
        Vec::new()
    }
    /// The traits a class's struct derives (`"Hash"`), which decide whether its instances
    /// are map keys; none when not known (macro time).
    fn derives(&self, class: &ClassKey) -> Vec<String> {
        let _ = class;
        Vec::new()
    }
    /// Of an instantiation of a generic class (`Stack<i64>`), its family's key and its
    /// type arguments; `None` for a class that is no instantiation (and at macro time).
    fn family(&self, class: &ClassKey) -> Option<(ClassKey, Vec<Type>)> {
        let _ = class;
        None
    }
    /// The instantiation of the generic class `family` for `args` (made at first
    /// request); `Err` with the reason when it cannot be made (an instantiation limit),
    /// `Ok(None)` when not known (macro time).
    fn member(&self, family: &ClassKey, args: &[Type]) -> Result<Option<ClassKey>, String> {
        let _ = (family, args);
        Ok(None)
    }
    /// The type arguments of the impls of one instantiation (`impl Stack<f64>`) of the
    /// generic class `family` that define a function `name`, each once; none when not
    /// known (macro time).
    fn instantiations_defining(&self, family: &ClassKey, name: &str) -> Vec<Vec<Type>> {
        let _ = (family, name);
        Vec::new()
    }
    /// The names of a generic class's type parameters (`["T"]` of `Stack<T>`), for
    /// messages; none when not known.
    fn class_generics(&self, family: &ClassKey) -> Vec<String> {
        let _ = family;
        Vec::new()
    }
}

/// Macro time: nothing is known about other items.
pub struct UnknownCallees;

impl Callees for UnknownCallees {
    fn signature(&self, _: RefId) -> Result<Option<CalleeSig>, String> {
        Ok(None)
    }

    fn class(&self, _: ClassRefId) -> Result<Option<ClassKey>, String> {
        Ok(None)
    }

    fn fields(&self, _: &ClassKey) -> Result<Vec<FieldSig>, String> {
        Ok(Vec::new())
    }

    fn method(&self, _: &ClassKey, _: &str) -> Result<Vec<MethodSig>, String> {
        Ok(Vec::new())
    }

    fn method_names(&self, _: &ClassKey) -> Vec<String> {
        Vec::new()
    }
}

/// Where inference runs: at macro time or at the first call (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// In the macro: callees unknown, generic functions not typed.
    MacroTime,
    /// At the first call, for concrete generic arguments.
    Runtime,
}

/// The result of inference: a concrete type for every expression and local, and what
/// each expression that names something resolved to. At macro time (`Mode::MacroTime`)
/// only `opaque_equalities` is filled.
#[derive(Clone, Debug)]
pub struct Typed {
    /// The type of each expression, by `ExprId`.
    pub expr_types: Vec<Type>,
    /// The type of each local, by `LocalId`.
    pub local_types: Vec<Type>,
    /// By `ExprId`: the one `Resolution` of each expression that has one (calls and their
    /// generic arguments, builtin methods, class functions and operators, fields, struct
    /// literals; see `resolution.rs`).
    pub resolutions: Vec<Option<Resolution>>,
    /// By `ExprId`: the coercion to a trait object of each expression that is used where
    /// one is expected (`resolution.rs`'s `Adjustment`).
    pub adjustments: Vec<Option<Adjustment>>,
    /// At macro time: pairs of differently written `PassThru<T>` types the body treats as
    /// one (indices into `FnIr::opaques`); rustc checks each.
    pub opaque_equalities: Vec<(u32, u32)>,
    /// At macro time: the `base[index]` expressions whose base is a slice (the others'
    /// may be class instances); see `MacroTimeCheck::slice_indexes`.
    pub slice_indexes: Vec<ExprId>,
    /// At macro time: the `for x in v` loops (`ForEach`) over a `Vec`, which consume it;
    /// see `MacroTimeCheck::consuming_loops`.
    pub consuming_loops: Vec<ExprId>,
    /// The function's concrete return type.
    pub ret: Type,
    /// The function's concrete parameter types.
    pub params: Vec<Type>,
}

impl Typed {
    /// What expression `id` resolved to, if it names anything.
    pub fn resolution(&self, id: ExprId) -> Option<&Resolution> {
        self.resolutions.get(id.index()).and_then(Option::as_ref)
    }

    /// The coercion applied to expression `id`'s value where it is used, if any.
    pub fn adjustment(&self, id: ExprId) -> Option<&Adjustment> {
        self.adjustments.get(id.index()).and_then(Option::as_ref)
    }

    /// The type of expression `id` as its user sees it: after its adjustment.
    pub fn adjusted_type(&self, id: ExprId) -> Type {
        match self.adjustment(id) {
            Some(a) => a.target(),
            None => self.expr_types[id.index()].clone(),
        }
    }
}

/// Infers the types of `ir` specialised with `type_args` (one per generic parameter).
pub fn infer(
    ir: &FnIr,
    type_args: &[Type],
    callees: &dyn Callees,
    mode: Mode,
) -> Result<Typed, Vec<Diagnostic>> {
    assert!(
        type_args.len() == ir.generics.len() || (mode == Mode::MacroTime && type_args.is_empty()),
        "one type argument per generic parameter (none at macro time)"
    );
    let cx = Infer {
        ir,
        callees,
        mode,
        vars: Vec::new(),
        origins: HashMap::new(),
        expr_types: vec![Ty::Unknown; ir.exprs.len()],
        local_types: vec![None; ir.locals.len()],
        local_assigned: vec![false; ir.locals.len()],
        loop_break: HashMap::new(),
        resolutions: vec![None; ir.exprs.len()],
        adjustments: vec![None; ir.exprs.len()],
        deferred: Vec::new(),
        bound_checks: Vec::new(),
        boxes: Vec::new(),
        dyn_impl_checks: Vec::new(),
        pending_lends: Vec::new(),
        lend_calls: Vec::new(),
        self_typed_trait_calls: Vec::new(),
        borrowed_args: Vec::new(),
        int_lits: Vec::new(),
        overflowing_float_lits: Vec::new(),
        open_class_ops: Vec::new(),
        operand_types_final: false,
        members: std::cell::RefCell::new(HashMap::new()),
        member_errors: std::cell::RefCell::new(Vec::new()),
        walk_loc: std::cell::Cell::new(ir.loc),
        family_calls: HashMap::new(),
        diags: Vec::new(),
        opaque_equalities: Vec::new(),
        ret: Ty::Unknown,
        type_args,
    };
    cx.run()
}

/// The state of inference over one body; the walk fills it, `finish` turns it into `Typed`.
struct Infer<'a> {
    ir: &'a FnIr,
    callees: &'a dyn Callees,
    mode: Mode,
    /// The type variables, by number (`Ty::Var`).
    vars: Vec<VarState>,
    /// The variables made for types written with the function's generics, with what was
    /// written (`generic_origin.rs`).
    origins: HashMap<u32, generic_origin::Origin>,
    expr_types: Vec<Ty>,
    /// `None` until the walk reaches the local's declaration.
    local_types: Vec<Option<Ty>>,
    /// Whether a local was initialised by its `let`; `let x;` locals may be assigned later.
    local_assigned: Vec<bool>,
    /// For each `loop`, the type of its `break` values so far (`None`: no value yet).
    loop_break: HashMap<ExprId, Option<Ty>>,
    /// By `ExprId`: what each expression resolved to, with the generic arguments of calls
    /// as inference types until `finish`.
    resolutions: Vec<Option<Resolution<Ty>>>,
    /// By `ExprId`: the coercions to trait objects, recorded once the types they join are
    /// known (`Typed::adjustments`).
    adjustments: Vec<Option<Adjustment>>,
    /// The checks that wait for final types.
    deferred: Vec<Deferred>,
    /// The bounds of the generic jit fns the body calls (`bound_checks.rs`).
    bound_checks: Vec<bound_checks::BoundCheck>,
    /// The `Box::new`s, typed by their uses (`trait_objects.rs`).
    boxes: Vec<trait_objects::BoxedValue>,
    /// The classes put in trait objects, checked against the traits' impls at the end.
    dyn_impl_checks: Vec<trait_objects::DynImplCheck>,
    /// The borrows lent where a trait object is expected whose referent's type was not
    /// yet known (`trait_objects.rs`).
    pending_lends: Vec<trait_objects::PendingLend>,
    /// The calls that lend a box's trait object (`b.as_ref()`, `&*b`) and the box's type.
    lend_calls: Vec<(ExprId, Ty)>,
    /// The calls of traits' functions without `self` waiting for their implementing
    /// type (`trait_static_calls.rs`).
    self_typed_trait_calls: Vec<trait_static_calls::SelfTypedTraitCall>,
    /// The `&x` arguments of builtins that read them during the call (`v.contains(&x)`).
    borrowed_args: Vec<ExprId>,
    /// Every integer literal, its value and its type, for the range check at the end.
    int_lits: Vec<(ExprId, i128, Ty)>,
    /// The float literals that round to infinity at some width, and their types, for the
    /// range check at the end.
    overflowing_float_lits: Vec<(ExprId, Ty)>,
    /// Operators on class instances whose impl waits for literals' types (`class_op`).
    open_class_ops: Vec<class_op::OpenClassOp>,
    /// Set once literals have their types: operator impls are then chosen as they stand.
    operand_types_final: bool,
    /// The members of generic classes asked for, by family and arguments (`None`: not
    /// known, or not made: `member_errors`).
    members: std::cell::RefCell<applied::Members>,
    /// Why members could not be made, where the walk was (`applied.rs`).
    member_errors: std::cell::RefCell<Vec<Diagnostic>>,
    /// The expression the walk is at, for errors found while resolving types.
    walk_loc: std::cell::Cell<LocId>,
    /// The calls of a family's functions (`applied.rs`), by `ExprId`, with how many
    /// leading generic arguments are the class's.
    family_calls: HashMap<ExprId, usize>,
    diags: Vec<Diagnostic>,
    /// At macro time: pairs of differently written `PassThru<T>` types that were unified
    /// (by index into `FnIr::opaques`), for rustc to check that they are one type.
    opaque_equalities: Vec<(u32, u32)>,
    ret: Ty,
    /// The generic arguments of this specialisation, one per generic parameter.
    type_args: &'a [Type],
}

impl Infer<'_> {
    fn run(mut self) -> Result<Typed, Vec<Diagnostic>> {
        let ir = self.ir;
        for p in &ir.params {
            let t = self.ty_of_expr_type(&p.ty, p.loc);
            self.local_types[p.local.index()] = Some(t);
            // A parameter is initialised by its argument: assigning one needs `mut`.
            self.local_assigned[p.local.index()] = true;
        }
        self.ret = self.ty_of_expr_type(&ir.ret, ir.ret_loc);
        let body_ty = self.expr(ir.body);
        let ret = self.ret.clone();
        let loc = self.tail_loc(ir.body).unwrap_or(ir.ret_loc);
        if self.coerce(&body_ty, &ret).is_err() {
            let mut d = self.mismatch(loc, &ret, &body_ty);
            if self.tail_loc(ir.body).is_none() && self.resolve(&body_ty) == Ty::Unit {
                d = diagnostics::body_returns_unit(ir.ret_loc, d);
            } else {
                d = self.return_type_note(d);
            }
            self.diags.push(d);
        }
        self.resolve_self_typed_trait_calls();
        self.check_place_results();
        self.casts_type_literals();
        if self.mode == Mode::MacroTime {
            self.forget_untyped_literals();
        }
        self.default_literals();
        self.choose_open_class_ops();
        self.run_deferred();
        self.check_bounds();
        self.check_trait_objects();
        self.check_int_literals();
        self.check_float_literals();
        self.report_first_type_past_limits();
        if self.diags.is_empty() {
            // Once: a literal too large is reported where it is made.
            self.check_local_arrays();
        }
        if self.diags.is_empty() {
            self.check_moves();
        }
        if self.diags.is_empty() {
            self.check_string_views();
        }
        if self.diags.is_empty() {
            self.check_string_borrows();
        }
        if !self.diags.is_empty() {
            let diags = std::mem::take(&mut self.diags);
            return Err(self.with_member_errors(diags));
        }
        if self.mode == Mode::MacroTime {
            // Nothing more to learn: unknown callees leave holes that only the first call
            // fills. What the glue needs is the pairs of handle types rustc must compare.
            let slice_indexes = (0..ir.exprs.len() as u32)
                .map(ExprId)
                .filter(|&id| match ir.expr(id).kind {
                    ExprKind::Index(base, _) => {
                        matches!(
                            self.resolve(&self.expr_types[base.index()]),
                            Ty::Slice(..) | Ty::Array(..)
                        )
                    }
                    ExprKind::SubSlice { base, .. } => {
                        matches!(self.resolve(&self.expr_types[base.index()]), Ty::Str)
                    }
                    _ => false,
                })
                .collect();
            let consuming_loops = (0..ir.exprs.len() as u32)
                .map(ExprId)
                .filter(|&id| match ir.expr(id).kind {
                    ExprKind::ForEach { iterable, .. } => {
                        matches!(
                            self.resolve(&self.expr_types[iterable.index()]),
                            Ty::Vec(_) | Ty::Map(..)
                        )
                    }
                    _ => false,
                })
                .collect();
            return Ok(Typed {
                expr_types: Vec::new(),
                local_types: Vec::new(),
                resolutions: Vec::new(),
                adjustments: Vec::new(),
                opaque_equalities: self.opaque_equalities,
                slice_indexes,
                consuming_loops,
                ret: Type::Unit,
                params: Vec::new(),
            });
        }
        self.finish()
    }

    /// Where expression `e` is written.
    fn loc(&self, e: ExprId) -> LocId {
        self.ir.expr(e).loc
    }

    /// Records what `id` resolved to: once, since the walk reaches each expression once.
    fn record_resolution(&mut self, id: ExprId, resolution: Resolution<Ty>) {
        let slot = &mut self.resolutions[id.index()];
        debug_assert!(slot.is_none(), "e{} resolved twice", id.0);
        *slot = Some(resolution);
    }
}
