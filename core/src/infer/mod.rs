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

use crate::diag::Diagnostic;
use crate::ir::*;
use crate::methods::{self, Builtin};
use crate::operators::{OperatorMethod, Provided, Syntax};
use crate::types::{ClassKey, OpaqueKey, PrimTy, Type};
use std::collections::HashMap;

mod limits;

/// The signature of a called function, as written (with its own generics). Class types
/// in it are already resolved (`TypeExpr::Concrete`), since its class references belong
/// to the callee.
#[derive(Clone, Debug)]
pub struct CalleeSig {
    pub name: String,
    pub generics: usize,
    pub params: Vec<TypeExpr>,
    pub ret: TypeExpr,
    /// An `extern "C"` jit fn or a declared C function: usable as a function pointer.
    pub extern_c: bool,
    /// A declared C function not marked `safe`: calling it needs an `unsafe` block.
    pub is_unsafe: bool,
}

/// A field of a class, in payload order.
#[derive(Clone, Debug)]
pub struct FieldSig {
    pub name: String,
    pub ty: Type,
}

/// A function of a class's impl blocks: a method (`receiver` is set and `self` is the
/// first parameter of `sig`), a constructor or a static method.
#[derive(Clone, Debug)]
pub struct MethodSig {
    pub sig: CalleeSig,
    pub receiver: Option<Receiver>,
    pub kind: FnKind,
}

/// What a function of a class is to jit code besides a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnKind {
    Plain,
    /// `#[getter] fn name(&self) -> T`: jit code reads it as the field `v.name`.
    Getter,
    /// `#[setter] fn set_name(&mut self, value: T)`: jit code writes `v.name = value`.
    Setter,
}

/// A call of a function of a class: `Callees::method(class, method)[candidate]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassCall {
    pub class: ClassKey,
    pub method: String,
    pub candidate: usize,
}

/// An operator on class instances, as calls of the class's operator trait methods.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassOp {
    /// `a + b` is `add(a, b)`, `-a` is `neg(a)`, `a += b` is `add_assign(a, b)`.
    Call(ClassCall),
    /// `a > b` as `lt(b, a)`, when the class defines no `gt`.
    Swapped(ClassCall),
    /// `a != b` as `!eq(a, b)`, when the class defines no `ne`.
    Negated(ClassCall),
    /// `a <= b` as `lt(a, b) || eq(a, b)` (`swapped`: `a >= b` as `lt(b, a) || eq(a, b)`),
    /// when the class defines no `le` / `ge`.
    OrEq {
        lt: ClassCall,
        eq: ClassCall,
        swapped: bool,
    },
}

/// What jit code may do with a pass-through handle, as the note of an error about it.
fn passthru_misuse(loc: LocId, message: String) -> Diagnostic {
    Diagnostic::new(loc, message).note(
        "note: jit code passes a `PassThru` along, stores it, and compares it (`==`, `!=`); use the value inside an `objmode!` block",
    )
}

/// A class function chosen for a call: how codegen finds it, and its signature.
struct ClassFn {
    call: ClassCall,
    sig: MethodSig,
}

/// Supplies what a body refers to: called functions and classes.
pub trait Callees {
    /// `Ok(None)` when the signature is not known (macro time).
    fn signature(&self, item: RefId) -> Result<Option<CalleeSig>, String>;
    /// The class a class reference names; `Ok(None)` when not known (macro time).
    fn class(&self, class: ClassRefId) -> Result<Option<ClassKey>, String>;
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    MacroTime,
    Runtime,
}

/// The result of inference: a concrete type for every expression and local. At macro time
/// (`Mode::MacroTime`) only `opaque_equalities` is filled.
#[derive(Clone, Debug)]
pub struct Typed {
    pub expr_types: Vec<Type>,
    pub local_types: Vec<Type>,
    /// Generic arguments of each `Call` expression's callee.
    pub call_type_args: HashMap<ExprId, Vec<Type>>,
    /// The builtin behind each `MethodCall` expression on a non-class receiver.
    pub methods: HashMap<ExprId, Builtin>,
    /// The class function each `MethodCall` on a class instance and each `AssocCall`
    /// calls; generic arguments are in `call_type_args`.
    pub class_calls: HashMap<ExprId, ClassCall>,
    /// The operator methods behind each `Binary`, `Unary` and `CompoundAssign` on class
    /// instances.
    pub class_ops: HashMap<ExprId, ClassOp>,
    /// The payload index of the field each `Field` expression reads or writes.
    pub field_index: HashMap<ExprId, u32>,
    /// For each `StructLit`, the payload index of each of its written fields, in order.
    pub literal_fields: HashMap<ExprId, Vec<u32>>,
    /// At macro time: pairs of differently written `PassThru<T>` types the body treats as
    /// one (indices into `FnIr::opaques`); rustc checks each.
    pub opaque_equalities: Vec<(u32, u32)>,
    pub ret: Type,
    pub params: Vec<Type>,
}

/// Converts a written type to a concrete one, given the generic arguments.
pub fn concrete_type(te: &TypeExpr, type_args: &[Type]) -> Option<Type> {
    Some(match te {
        TypeExpr::Prim(p) => Type::Prim(*p),
        TypeExpr::Unit => Type::Unit,
        TypeExpr::Tuple(es) => Type::Tuple(
            es.iter()
                .map(|e| concrete_type(e, type_args))
                .collect::<Option<_>>()?,
        ),
        TypeExpr::Slice { elem, mutable } => Type::Slice {
            elem: Box::new(concrete_type(elem, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::Generic(i) => type_args.get(*i as usize)?.clone(),
        TypeExpr::Option(inner) => Type::Option(Box::new(concrete_type(inner, type_args)?)),
        TypeExpr::Concrete(t) => t.clone(),
        TypeExpr::PassThru(_) => return None,
        TypeExpr::Ptr { pointee, mutable } => Type::Ptr {
            pointee: Box::new(concrete_type(pointee, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::Ref { inner, mutable } => Type::Ref {
            inner: Box::new(concrete_type(inner, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::FnPtr { params, ret } => Type::FnPtr {
            params: params
                .iter()
                .map(|p| concrete_type(p, type_args))
                .collect::<Option<_>>()?,
            ret: Box::new(concrete_type(ret, type_args)?),
        },
        TypeExpr::Class(_) | TypeExpr::Infer => return None,
    })
}

/// Infers the types of `ir` specialised with `type_args` (one per generic parameter).
pub fn infer(
    ir: &FnIr,
    type_args: &[Type],
    callees: &dyn Callees,
    mode: Mode,
) -> Result<Typed, Vec<Diagnostic>> {
    assert_eq!(
        type_args.len(),
        ir.generics.len(),
        "one type argument per generic parameter"
    );
    let cx = Infer {
        ir,
        callees,
        mode,
        vars: Vec::new(),
        expr_types: vec![Ty::Unknown; ir.exprs.len()],
        local_types: vec![None; ir.locals.len()],
        local_assigned: vec![false; ir.locals.len()],
        loop_break: HashMap::new(),
        call_vars: HashMap::new(),
        methods: HashMap::new(),
        class_calls: HashMap::new(),
        class_ops: HashMap::new(),
        field_index: HashMap::new(),
        literal_fields: HashMap::new(),
        deferred: Vec::new(),
        int_lits: Vec::new(),
        diags: Vec::new(),
        opaque_equalities: Vec::new(),
        ret: Ty::Unknown,
        type_args,
    };
    cx.run()
}

#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Prim(PrimTy),
    Unit,
    Never,
    Tuple(Vec<Ty>),
    Slice(Box<Ty>, bool),
    Option(Box<Ty>),
    Class(ClassKey),
    Ref(Box<Ty>, bool),
    Ptr(Box<Ty>, bool),
    PassThru(OpaqueKey),
    FnPtr(Vec<Ty>, Box<Ty>),
    Var(u32),
    /// Unknown at macro time, or after an error: compatible with everything.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum VarKind {
    General,
    Int,
    Float,
}

#[derive(Clone, Debug)]
enum VarState {
    Unbound(VarKind),
    Bound(Ty),
}

/// A check that needs final types.
enum Deferred {
    Unary(ExprId, UnOp, Ty),
    Binary(ExprId, BinOp, Ty),
    Cast(ExprId, Ty, Ty),
    RangeBound(ExprId, Ty),
    /// A `ForRange` with `.step_by(k).rev()`, and its element type.
    ExactSizeRange(ExprId, Ty),
    PanicArg(ExprId, Ty),
}

struct Infer<'a> {
    ir: &'a FnIr,
    callees: &'a dyn Callees,
    mode: Mode,
    vars: Vec<VarState>,
    expr_types: Vec<Ty>,
    local_types: Vec<Option<Ty>>,
    /// Whether a local was initialised by its `let`; `let x;` locals may be assigned later.
    local_assigned: Vec<bool>,
    loop_break: HashMap<ExprId, Option<Ty>>,
    call_vars: HashMap<ExprId, Vec<Ty>>,
    methods: HashMap<ExprId, Builtin>,
    class_calls: HashMap<ExprId, ClassCall>,
    class_ops: HashMap<ExprId, ClassOp>,
    field_index: HashMap<ExprId, u32>,
    literal_fields: HashMap<ExprId, Vec<u32>>,
    deferred: Vec<Deferred>,
    int_lits: Vec<(ExprId, i128, Ty)>,
    diags: Vec<Diagnostic>,
    /// At macro time: pairs of differently written `PassThru<T>` types that were unified
    /// (by index into `FnIr::opaques`), for rustc to check that they are one type.
    opaque_equalities: Vec<(u32, u32)>,
    ret: Ty,
    type_args: &'a [Type],
}

impl<'a> Infer<'a> {
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
                d = Diagnostic::new(ir.ret_loc, d.message)
                    .note("note: the body has no tail expression or `return`, so it returns `()`");
            } else {
                d = self.return_type_note(d);
            }
            self.diags.push(d);
        }
        self.check_place_results();
        self.casts_type_literals();
        if self.mode == Mode::MacroTime {
            // A literal still untyped here may be the argument of an unknown callee, whose
            // parameter type only the first call knows: no range check on a guess.
            let lits = std::mem::take(&mut self.int_lits);
            self.int_lits = lits
                .into_iter()
                .filter(|(_, _, t)| !matches!(self.resolve(t), Ty::Var(_)))
                .collect();
        }
        self.default_literals();
        self.run_deferred();
        self.check_int_literals();
        self.report_first_type_past_limits();
        if !self.diags.is_empty() {
            return Err(self.diags);
        }
        if self.mode == Mode::MacroTime {
            // Nothing more to learn: unknown callees leave holes that only the first call
            // fills. What the glue needs is the pairs of handle types rustc must compare.
            return Ok(Typed {
                expr_types: Vec::new(),
                local_types: Vec::new(),
                call_type_args: HashMap::new(),
                methods: HashMap::new(),
                class_calls: HashMap::new(),
                class_ops: HashMap::new(),
                field_index: HashMap::new(),
                literal_fields: HashMap::new(),
                opaque_equalities: self.opaque_equalities,
                ret: Type::Unit,
                params: Vec::new(),
            });
        }
        self.finish()
    }

    // ---- types ----------------------------------------------------------------------

    fn fresh(&mut self, kind: VarKind) -> Ty {
        self.vars.push(VarState::Unbound(kind));
        Ty::Var(self.vars.len() as u32 - 1)
    }

    fn ty_of_type(t: &Type) -> Ty {
        match t {
            Type::Prim(p) => Ty::Prim(*p),
            Type::Unit => Ty::Unit,
            Type::Never => Ty::Never,
            Type::Tuple(es) => Ty::Tuple(es.iter().map(Self::ty_of_type).collect()),
            Type::Slice { elem, mutable } => Ty::Slice(Box::new(Self::ty_of_type(elem)), *mutable),
            Type::Option(inner) => Ty::Option(Box::new(Self::ty_of_type(inner))),
            Type::Class(k) => Ty::Class(k.clone()),
            Type::Ref { inner, mutable } => Ty::Ref(Box::new(Self::ty_of_type(inner)), *mutable),
            Type::PassThru(k) => Ty::PassThru(k.clone()),
            Type::Ptr { pointee, mutable } => {
                Ty::Ptr(Box::new(Self::ty_of_type(pointee)), *mutable)
            }
            Type::FnPtr { params, ret } => Ty::FnPtr(
                params.iter().map(Self::ty_of_type).collect(),
                Box::new(Self::ty_of_type(ret)),
            ),
        }
    }

    fn ty_of_expr_type(&mut self, te: &TypeExpr, _loc: LocId) -> Ty {
        self.ty_of_expr_type_with(te, None)
    }

    /// `generics`: substitution for a callee's own generics; `None` means ours.
    fn ty_of_expr_type_with(&mut self, te: &TypeExpr, generics: Option<&[Ty]>) -> Ty {
        match te {
            TypeExpr::Prim(p) => Ty::Prim(*p),
            TypeExpr::Unit => Ty::Unit,
            TypeExpr::Tuple(es) => Ty::Tuple(
                es.iter()
                    .map(|e| self.ty_of_expr_type_with(e, generics))
                    .collect(),
            ),
            TypeExpr::Slice { elem, mutable } => Ty::Slice(
                Box::new(self.ty_of_expr_type_with(elem, generics)),
                *mutable,
            ),
            TypeExpr::Option(inner) => {
                Ty::Option(Box::new(self.ty_of_expr_type_with(inner, generics)))
            }
            TypeExpr::Generic(i) => match generics {
                Some(g) => g[*i as usize].clone(),
                None => Self::ty_of_type(&self.type_args[*i as usize]),
            },
            TypeExpr::Class(c) => self.class_ty(*c, self.ir.loc),
            TypeExpr::Ref { inner, mutable } => Ty::Ref(
                Box::new(self.ty_of_expr_type_with(inner, generics)),
                *mutable,
            ),
            TypeExpr::PassThru(o) => self.opaque_ty(*o),
            TypeExpr::Ptr { pointee, mutable } => Ty::Ptr(
                Box::new(self.ty_of_expr_type_with(pointee, generics)),
                *mutable,
            ),
            TypeExpr::FnPtr { params, ret } => Ty::FnPtr(
                params
                    .iter()
                    .map(|p| self.ty_of_expr_type_with(p, generics))
                    .collect(),
                Box::new(self.ty_of_expr_type_with(ret, generics)),
            ),
            TypeExpr::Concrete(t) => Self::ty_of_type(t),
            TypeExpr::Infer => self.fresh(VarKind::General),
        }
    }

    fn resolve(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        while let Ty::Var(v) = t {
            match &self.vars[v as usize] {
                VarState::Bound(b) => t = b.clone(),
                VarState::Unbound(_) => return Ty::Var(v),
            }
        }
        t
    }

    fn var_kind(&self, v: u32) -> VarKind {
        match self.vars[v as usize] {
            VarState::Unbound(k) => k,
            VarState::Bound(_) => unreachable!("var_kind of a bound variable"),
        }
    }

    fn occurs(&self, v: u32, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Var(w) => v == w,
            Ty::Tuple(es) => es.iter().any(|e| self.occurs(v, e)),
            Ty::FnPtr(ps, r) => ps.iter().any(|e| self.occurs(v, e)) || self.occurs(v, &r),
            Ty::Slice(e, _) | Ty::Option(e) | Ty::Ref(e, _) | Ty::Ptr(e, _) => self.occurs(v, &e),
            _ => false,
        }
    }

    fn unify(&mut self, a: &Ty, b: &Ty) -> Result<(), ()> {
        let (a, b) = (self.resolve(a), self.resolve(b));
        match (&a, &b) {
            (Ty::Unknown, _) | (_, Ty::Unknown) => Ok(()),
            (Ty::Var(x), Ty::Var(y)) if x == y => Ok(()),
            (Ty::Var(x), Ty::Var(y)) => {
                let kind = match (self.var_kind(*x), self.var_kind(*y)) {
                    (VarKind::General, k) | (k, VarKind::General) => k,
                    (k1, k2) if k1 == k2 => k1,
                    _ => return Err(()),
                };
                self.vars[*y as usize] = VarState::Unbound(kind);
                self.vars[*x as usize] = VarState::Bound(Ty::Var(*y));
                Ok(())
            }
            (Ty::Var(x), t) | (t, Ty::Var(x)) => {
                let ok = match (self.var_kind(*x), t) {
                    (VarKind::General, _) => !self.occurs(*x, t) && *t != Ty::Never,
                    (VarKind::Int, Ty::Prim(p)) => p.is_int(),
                    (VarKind::Float, Ty::Prim(p)) => p.is_float(),
                    _ => false,
                };
                if ok {
                    self.vars[*x as usize] = VarState::Bound(t.clone());
                    Ok(())
                } else {
                    Err(())
                }
            }
            (Ty::Prim(p), Ty::Prim(q)) if p == q => Ok(()),
            (Ty::Unit, Ty::Unit) | (Ty::Never, Ty::Never) => Ok(()),
            (Ty::Tuple(x), Ty::Tuple(y)) if x.len() == y.len() => {
                for (p, q) in x.iter().zip(y) {
                    self.unify(p, q)?;
                }
                Ok(())
            }
            (Ty::Slice(x, mx), Ty::Slice(y, my)) if mx == my => self.unify(x, y),
            (Ty::Option(x), Ty::Option(y)) => self.unify(x, y),
            (Ty::Class(x), Ty::Class(y)) if x == y => Ok(()),
            (Ty::Ref(x, mx), Ty::Ref(y, my)) if mx == my => self.unify(x, y),
            (Ty::Ptr(x, mx), Ty::Ptr(y, my)) if mx == my => self.unify(x, y),
            (Ty::FnPtr(px, rx), Ty::FnPtr(py, ry)) if px.len() == py.len() => {
                for (p, q) in px.iter().zip(py) {
                    self.unify(p, q)?;
                }
                self.unify(rx, ry)
            }
            (Ty::PassThru(x), Ty::PassThru(y)) if x == y => Ok(()),
            // Two spellings may name one type (`String`, `std::string::String`, an
            // alias): only rustc can tell, so the glue asks it.
            (Ty::PassThru(x), Ty::PassThru(y)) if self.mode == Mode::MacroTime => {
                let index = |name: &str| {
                    self.ir
                        .opaques
                        .iter()
                        .position(|o| o == name)
                        .map(|i| i as u32)
                };
                // In the order written, so that rustc points at the later one: usually
                // the use (an `objmode!` input) rather than the declaration.
                if let (Some(a), Some(b)) = (index(&x.name), index(&y.name))
                    && !self.opaque_equalities.contains(&(a.min(b), a.max(b)))
                {
                    self.opaque_equalities.push((a.min(b), a.max(b)));
                }
                Ok(())
            }
            _ => Err(()),
        }
    }

    /// Like `unify`, but a diverging `actual` fits any `expected`.
    fn coerce(&mut self, actual: &Ty, expected: &Ty) -> Result<(), ()> {
        match (self.resolve(actual), self.resolve(expected)) {
            (Ty::Never, _) => Ok(()),
            // A `&mut [T]` is usable where a `&[T]` is expected, as in Rust.
            (Ty::Slice(a, true), Ty::Slice(e, false)) => self.unify(&a, &e),
            _ => self.unify(actual, expected),
        }
    }

    fn show(&self, t: &Ty) -> String {
        match self.resolve(t) {
            Ty::Prim(p) => p.to_string(),
            Ty::Unit => "()".into(),
            Ty::Never => "!".into(),
            Ty::Tuple(es) => {
                let inner: Vec<String> = es.iter().map(|e| self.show(e)).collect();
                if inner.len() == 1 {
                    format!("({},)", inner[0])
                } else {
                    format!("({})", inner.join(", "))
                }
            }
            Ty::Slice(e, m) => format!("&{}[{}]", if m { "mut " } else { "" }, self.show(&e)),
            Ty::Option(e) => format!("Option<{}>", self.show(&e)),
            Ty::Class(k) => k.name,
            Ty::Ref(e, m) => format!("&{}{}", if m { "mut " } else { "" }, self.show(&e)),
            Ty::Ptr(e, m) => format!("*{} {}", if m { "mut" } else { "const" }, self.show(&e)),
            Ty::PassThru(k) => format!("PassThru<{}>", k.name),
            Ty::FnPtr(ps, r) => {
                let params: Vec<String> = ps.iter().map(|p| self.show(p)).collect();
                let ret = match self.resolve(&r) {
                    Ty::Unit => String::new(),
                    _ => format!(" -> {}", self.show(&r)),
                };
                format!("extern \"C\" fn({}){ret}", params.join(", "))
            }
            Ty::Var(v) => match self.var_kind(v) {
                VarKind::Int => "{integer}".into(),
                VarKind::Float => "{float}".into(),
                VarKind::General => "_".into(),
            },
            Ty::Unknown => "_".into(),
        }
    }

    fn mismatch(&self, loc: LocId, expected: &Ty, found: &Ty) -> Diagnostic {
        let found_s = match self.resolve(found) {
            Ty::Var(v) if self.var_kind(v) == VarKind::Int => "integer".to_string(),
            Ty::Var(v) if self.var_kind(v) == VarKind::Float => "floating-point number".to_string(),
            _ => format!("`{}`", self.show(found)),
        };
        Diagnostic::new(
            loc,
            format!(
                "mismatched types: expected `{}`, found {found_s}",
                self.show(expected)
            ),
        )
    }

    /// The caret is on the returned value, far from the signature that set the expectation.
    fn return_type_note(&self, d: Diagnostic) -> Diagnostic {
        let ret = self.show(&self.ret);
        d.note(format!(
            "note: expected `{ret}` because of the return type of `{}`",
            self.ir.name
        ))
    }

    fn coerce_at(&mut self, actual: &Ty, expected: &Ty, loc: LocId) {
        if self.coerce(actual, expected).is_err() {
            let d = self.mismatch(loc, expected, actual);
            self.diags.push(d);
        }
    }

    fn is_unknownish(&self, t: &Ty) -> bool {
        matches!(self.resolve(t), Ty::Unknown)
    }

    fn loc(&self, e: ExprId) -> LocId {
        self.ir.expr(e).loc
    }

    fn tail_loc(&self, e: ExprId) -> Option<LocId> {
        // A loop: blocks may nest as deep as expressions do.
        let mut e = e;
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Block(b) => match (b.tail, b.tail.map(|t| &self.ir.expr(t).kind)) {
                    (None, _) => return None,
                    (Some(t), Some(ExprKind::Block(inner))) if inner.tail.is_none() => {
                        return Some(self.loc(t));
                    }
                    (Some(t), _) => e = t,
                },
                _ => return Some(self.loc(e)),
            }
        }
    }

    /// A receiver whose type must be known now; reports "type annotations needed" otherwise.
    fn known_receiver(&mut self, t: &Ty, loc: LocId) -> Option<Ty> {
        match self.resolve(t) {
            Ty::Unknown => None,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => {
                if self.mode == Mode::Runtime {
                    self.diags.push(
                        Diagnostic::new(loc, "type annotations needed")
                            .note("help: give the value a type, e.g. `let x: f64 = ...`"),
                    );
                }
                None
            }
            t => Some(t),
        }
    }

    // ---- expressions ----------------------------------------------------------------

    fn expr(&mut self, id: ExprId) -> Ty {
        let t = crate::stack::deep(|| self.expr_inner(id));
        let t = self.guard_type_size(t, id);
        self.expr_types[id.index()] = t.clone();
        t
    }

    fn expr_inner(&mut self, id: ExprId) -> Ty {
        let ir = self.ir;
        let e = ir.expr(id);
        let loc = e.loc;
        match &e.kind {
            ExprKind::Lit(lit) => match lit {
                Lit::Int(v, suffix) => {
                    let t = match suffix {
                        Some(p) => Ty::Prim(*p),
                        None => self.fresh(VarKind::Int),
                    };
                    self.int_lits.push((id, *v, t.clone()));
                    t
                }
                Lit::Float(_, Some(p)) => Ty::Prim(*p),
                Lit::Float(_, None) => self.fresh(VarKind::Float),
                Lit::Bool(_) => Ty::Prim(PrimTy::Bool),
                Lit::Unit => Ty::Unit,
            },
            ExprKind::Local(l) => match &self.local_types[l.index()] {
                Some(t) => t.clone(),
                None => Ty::Unknown,
            },
            ExprKind::Unary(op, inner) => {
                let t = self.expr(*inner);
                if let (Some(method), Ty::Class(key)) = (
                    OperatorMethod::for_syntax(Syntax::Unary(*op)),
                    self.resolve(&t),
                ) {
                    return match self.operator_fn(&key, method, None, loc) {
                        Ok(Some(f)) => {
                            let r = self.operator_call(&f, &[(*inner, t)]);
                            self.call_vars.insert(id, Vec::new());
                            self.class_ops.insert(id, ClassOp::Call(f.call));
                            r
                        }
                        Ok(None) => {
                            self.diags.push(
                                Diagnostic::new(
                                    loc,
                                    format!(
                                        "cannot apply unary operator `-` to type `{}`",
                                        key.name
                                    ),
                                )
                                .note(format!(
                                    "note: `{}` has no `#[jitclass] impl {}`",
                                    key.name,
                                    method.operator_trait().name()
                                )),
                            );
                            Ty::Unknown
                        }
                        Err(()) => Ty::Unknown,
                    };
                }
                self.deferred.push(Deferred::Unary(id, *op, t.clone()));
                t
            }
            ExprKind::Binary(op, a, b) => self.binary(id, *op, *a, *b),
            ExprKind::Assign(place, value) => {
                if let ExprKind::Field(base, name) = &ir.expr(*place).kind {
                    return self.field_assign(id, *place, (*base, name), *value);
                }
                let pt = self.place(*place, false);
                let vt = self.expr(*value);
                let vloc = self.loc(*value);
                self.coerce_at(&vt, &pt, vloc);
                Ty::Unit
            }
            ExprKind::CompoundAssign(op, place, value) => {
                let pt = self.place(*place, true);
                let vt = self.expr(*value);
                self.unknown_at_macro_time(&pt);
                if let Ty::Class(key) = self.resolve(&pt) {
                    return self.class_compound(id, *op, (*place, pt), (*value, vt), key);
                }
                if op.is_shift() {
                    self.deferred.push(Deferred::Binary(*value, BinOp::Shl, vt));
                } else {
                    let vloc = self.loc(*value);
                    self.coerce_at(&vt, &pt, vloc);
                }
                self.deferred.push(Deferred::Binary(id, *op, pt));
                Ty::Unit
            }
            ExprKind::Cast(inner, target) => {
                let from = self.expr(*inner);
                let to = self.ty_of_expr_type(target, loc);
                self.deferred.push(Deferred::Cast(id, from, to.clone()));
                to
            }
            ExprKind::Block(block) => self.block(block),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                let ct = self.expr(*cond);
                let cloc = self.loc(*cond);
                self.coerce_at(&ct, &Ty::Prim(PrimTy::Bool), cloc);
                self.branches(loc, *then_branch, *else_branch)
            }
            ExprKind::While { cond, body } => {
                let ct = self.expr(*cond);
                let cloc = self.loc(*cond);
                self.coerce_at(&ct, &Ty::Prim(PrimTy::Bool), cloc);
                self.unit_body(*body);
                Ty::Unit
            }
            ExprKind::Loop { body } => {
                self.loop_break.insert(id, None);
                self.unit_body(*body);
                match self.loop_break.remove(&id).flatten() {
                    Some(t) => t,
                    None => Ty::Never,
                }
            }
            ExprKind::ForRange {
                var,
                start,
                end,
                step,
                order,
                body,
                ..
            } => {
                let st = self.expr(*start);
                let et = self.expr(*end);
                let eloc = self.loc(*end);
                self.coerce_at(&et, &st, eloc);
                if let Some(k) = step {
                    let kt = self.expr(*k);
                    let kloc = self.loc(*k);
                    self.coerce_at(&kt, &Ty::Prim(PrimTy::Usize), kloc);
                }
                self.deferred.push(Deferred::RangeBound(*start, st.clone()));
                if let RangeOrder::DownFromLastStep(_) = order {
                    self.deferred.push(Deferred::ExactSizeRange(id, st.clone()));
                }
                self.local_types[var.index()] = Some(st);
                self.unit_body(*body);
                Ty::Unit
            }
            ExprKind::Break { target, value } => {
                let vt = match value {
                    Some(v) => self.expr(*v),
                    None => Ty::Unit,
                };
                match &ir.expr(*target).kind {
                    ExprKind::Loop { .. } => {
                        let prev = self.loop_break.get(target).cloned().flatten();
                        match prev {
                            None => {
                                if self.resolve(&vt) != Ty::Never {
                                    self.loop_break.insert(*target, Some(vt));
                                }
                            }
                            Some(p) => {
                                let vloc = value.map(|v| self.loc(v)).unwrap_or(loc);
                                self.coerce_at(&vt, &p, vloc);
                            }
                        }
                    }
                    _ => {
                        if let Some(v) = value {
                            self.diags.push(
                                Diagnostic::new(
                                    self.loc(*v),
                                    "`break` with value from a `while` or `for` loop",
                                )
                                .note("help: only `loop` can break with a value; use `break;`"),
                            );
                        }
                    }
                }
                Ty::Never
            }
            ExprKind::Continue { .. } => Ty::Never,
            ExprKind::Return(value) => {
                let (vt, vloc) = match value {
                    Some(v) => (self.expr(*v), self.loc(*v)),
                    None => (Ty::Unit, loc),
                };
                let ret = self.ret.clone();
                if self.coerce(&vt, &ret).is_err() {
                    let d = self.mismatch(vloc, &ret, &vt);
                    let d = self.return_type_note(d);
                    self.diags.push(d);
                }
                Ty::Never
            }
            ExprKind::Tuple(es) => Ty::Tuple(es.iter().map(|e| self.expr(*e)).collect()),
            ExprKind::TupleField(base, index) => {
                let bt = self.expr(*base);
                self.tuple_field(&bt, *index, loc)
            }
            ExprKind::Index(base, index) => {
                let bt = self.expr(*base);
                let it = self.expr(*index);
                self.index(id, &bt, &it, loc, self.loc(*index))
            }
            ExprKind::Call { callee, args } => self.call(id, *callee, args),
            ExprKind::CallIndirect { callee, args } => self.call_indirect(*callee, args, loc),
            ExprKind::FnRef(item) => self.fn_ref(*item, loc),
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => {
                let it = self.expr(*iterable);
                let elem = self.element_type(&it, self.loc(*iterable));
                self.local_types[var.index()] = Some(elem);
                self.unit_body(*body);
                Ty::Unit
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => self.method_call(id, *receiver, method, args),
            ExprKind::Some(inner) => Ty::Option(Box::new(self.expr(*inner))),
            ExprKind::None => Ty::Option(Box::new(self.fresh(VarKind::General))),
            ExprKind::IfLetSome {
                pattern,
                scrutinee,
                then_branch,
                else_branch,
            } => {
                let st = self.expr(*scrutinee);
                let inner = self.fresh(VarKind::General);
                if self
                    .unify(&st, &Ty::Option(Box::new(inner.clone())))
                    .is_err()
                {
                    let shown = self.show(&st);
                    self.diags.push(
                        Diagnostic::new(
                            self.loc(*scrutinee),
                            format!("mismatched types: expected `Option<_>`, found `{shown}`"),
                        )
                        .note("note: `Some(..)` patterns match `Option` values"),
                    );
                }
                self.bind_pattern(pattern, &inner, loc, true);
                self.branches(loc, *then_branch, *else_branch)
            }
            ExprKind::Panic(msg) => {
                for a in &msg.args {
                    let t = self.expr(*a);
                    self.deferred.push(Deferred::PanicArg(*a, t));
                }
                Ty::Never
            }
            ExprKind::Field(base, name) => {
                let bt = self.expr(*base);
                self.field(id, &bt, name, loc)
            }
            ExprKind::StructLit { class, fields } => self.struct_lit(id, *class, fields),
            ExprKind::Intrinsic { which, ty, args } => self.intrinsic(id, *which, ty, args),
            ExprKind::ObjMode {
                args,
                inputs,
                output,
                ..
            } => {
                for (a, t) in args.iter().zip(inputs) {
                    let at = self.expr(*a);
                    let it = self.ty_of_expr_type(t, loc);
                    let aloc = self.loc(*a);
                    self.coerce_at(&at, &it, aloc);
                }
                self.ty_of_expr_type(output, loc)
            }
            ExprKind::AddrOf { place, mutable } => {
                if *mutable {
                    let ploc = self.loc(*place);
                    self.check_assignable_root(*place, ploc);
                }
                let t = self.expr(*place);
                if let ExprKind::Field(_, name) = &ir.expr(*place).kind {
                    self.not_a_property(*place, name, "borrowed");
                }
                Ty::Ref(Box::new(t), *mutable)
            }
            ExprKind::AssocCall { class, name, args } => {
                let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
                let Ty::Class(key) = self.class_ty(*class, loc) else {
                    return Ty::Unknown;
                };
                let Some(f) = self.lookup_method(&key, name, loc) else {
                    return Ty::Unknown;
                };
                if f.sig.receiver == Some(Receiver::RefMut)
                    && let Some(first) = args.first()
                {
                    self.check_mutable_receiver(*first, name);
                }
                self.call_target(id, f, args, &arg_types)
            }
        }
    }

    /// `sizeof::<T>()`, `unsafe_cast::<T>(ptr)`, `construct_at::<T>(ptr, v)`,
    /// `destroy_at::<T>(ptr)`.
    fn intrinsic(&mut self, id: ExprId, which: Intrinsic, ty: &TypeExpr, args: &[ExprId]) -> Ty {
        let loc = self.loc(id);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let t = self.ty_of_expr_type(ty, loc);
        let byte_ptr = Ty::Ptr(Box::new(Ty::Prim(PrimTy::U8)), true);
        let name = which.name();
        let sizes = matches!(which, Intrinsic::SizeOf | Intrinsic::AlignOf);
        match self.resolve(&t) {
            Ty::Class(_) | Ty::Unknown | Ty::Var(_) => {}
            Ty::Prim(_) if sizes => {}
            other if sizes => {
                // As Rust's `sizeof<T: JitLayout>`, in its words: a class or a primitive.
                // rustc checks what Rust callers pass a generic fn (its glue asks
                // `T: JitLayout`), not what generic jit code passes.
                let shown = self.show(&other);
                self.diags.push(
                    Diagnostic::new(loc, format!("`{shown}` has no jit layout")).note(
                        "note: `sizeof` and `alignof` give the payload size of `#[jitclass]` types, and the size of primitives",
                    ),
                );
            }
            other => {
                let shown = self.show(&other);
                self.diags.push(
                    Diagnostic::new(loc, format!("`{name}` works on `#[jitclass]` types, not `{shown}`"))
                        .note("note: an instance is made from memory only by a class, whose payload has a C layout"),
                );
            }
        }
        if let Some(first) = args.first() {
            let floc = self.loc(*first);
            self.coerce_at(&arg_types[0], &byte_ptr, floc);
        }
        match which {
            Intrinsic::SizeOf | Intrinsic::AlignOf => Ty::Prim(PrimTy::Usize),
            Intrinsic::UnsafeCast => t,
            Intrinsic::ConstructAt => {
                let vloc = self.loc(args[1]);
                self.coerce_at(&arg_types[1], &t, vloc);
                t
            }
            Intrinsic::DestroyAt => Ty::Unit,
        }
    }

    /// `&self.field` (in `index` / `index_mut`) may only be the function's result: as a
    /// local or an argument it could outlive the field it points into.
    fn check_place_results(&mut self) {
        let ir = self.ir;
        let mut results = Vec::new();
        let mut pending = vec![ir.body];
        for e in &ir.exprs {
            if let ExprKind::Return(Some(v)) = e.kind {
                pending.push(v);
            }
        }
        while let Some(e) = pending.pop() {
            match &ir.expr(e).kind {
                ExprKind::Block(b) => pending.extend(b.tail),
                ExprKind::If {
                    then_branch,
                    else_branch,
                    ..
                }
                | ExprKind::IfLetSome {
                    then_branch,
                    else_branch,
                    ..
                } => {
                    pending.push(*then_branch);
                    pending.extend(*else_branch);
                }
                ExprKind::AddrOf { .. } => results.push(e),
                _ => {}
            }
        }
        for (i, e) in ir.exprs.iter().enumerate() {
            if matches!(e.kind, ExprKind::AddrOf { .. }) && !results.contains(&ExprId(i as u32)) {
                self.diags.push(
                    Diagnostic::new(
                        e.loc,
                        "`&self.field` can only be the result of `index` / `index_mut`",
                    )
                    .note("note: kept anywhere else, it could outlive the field it points into"),
                );
            }
        }
    }

    // ---- classes --------------------------------------------------------------------

    /// The type of a `PassThru<T>`: keyed by `T`'s identity at run time, by its written
    /// name at macro time (where two names for one type only lose an error, which rustc's
    /// check of the body then reports).
    fn opaque_ty(&mut self, opaque: OpaqueRefId) -> Ty {
        Ty::PassThru(self.callees.opaque(opaque).unwrap_or_else(|| {
            let name = self.ir.opaques[opaque.index()].clone();
            let id = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            OpaqueKey { id, name }
        }))
    }

    /// The type a class reference names (`Unknown` at macro time).
    fn class_ty(&mut self, class: ClassRefId, loc: LocId) -> Ty {
        match self.callees.class(class) {
            Ok(Some(key)) => Ty::Class(key),
            Ok(None) => Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                Ty::Unknown
            }
        }
    }

    fn class_fields(&mut self, key: &ClassKey, loc: LocId) -> Vec<FieldSig> {
        match self.callees.fields(key) {
            Ok(fields) => fields,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                Vec::new()
            }
        }
    }

    /// A field place that turned out to be a `#[getter]` property (a call, not memory)
    /// cannot be written or borrowed.
    fn not_a_property(&mut self, place: ExprId, name: &str, how: &str) {
        if self.class_calls.remove(&place).is_some() {
            self.diags.push(
                Diagnostic::new(
                    self.loc(place),
                    format!("`{name}` is a `#[getter]` property, not a field: it cannot be {how}"),
                )
                .note(format!(
                    "help: write it through a `#[setter] fn set_{name}` as `v.{name} = value`, or use a field"
                )),
            );
        }
    }

    /// The one function `name` of a class, for a call by name.
    fn lookup_method(&mut self, key: &ClassKey, name: &str, loc: LocId) -> Option<ClassFn> {
        match self.callees.method(key, name) {
            Ok(mut ms) if ms.len() == 1 => Some(ClassFn {
                call: ClassCall {
                    class: key.clone(),
                    method: name.to_string(),
                    candidate: 0,
                },
                sig: ms.remove(0),
            }),
            Ok(ms) if ms.len() > 1 => {
                self.diags.push(
                    Diagnostic::new(
                        loc,
                        format!("`{}` has several functions named `{name}`", key.name),
                    )
                    .note("help: use the operator, whose operand types select the impl"),
                );
                None
            }
            Ok(_) => {
                let names = self.callees.method_names(key);
                let mut d = Diagnostic::new(
                    loc,
                    format!(
                        "no function or method named `{name}` found for `{}`",
                        key.name
                    ),
                );
                if !names.is_empty() {
                    d = d.note(format!(
                        "note: the functions of `{}` in jit code are: {}",
                        key.name,
                        names.join(", ")
                    ));
                }
                // As rustc says it: a field holding a function is called in parentheses.
                let fn_field = self.callees.fields(key).is_ok_and(|fields| {
                    fields
                        .iter()
                        .any(|f| f.name == name && matches!(f.ty, Type::FnPtr { .. }))
                });
                if fn_field {
                    d = d.note(format!(
                        "help: to call the function stored in the field `{name}`, surround the field access with parentheses: `(v.{name})(..)`"
                    ));
                }
                self.diags.push(d);
                None
            }
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                None
            }
        }
    }

    /// `base.name`: a field of a class instance.
    fn field(&mut self, id: ExprId, bt: &Ty, name: &str, loc: LocId) -> Ty {
        let key = match self.known_receiver(bt, loc) {
            None => return Ty::Unknown,
            Some(Ty::Class(key)) => key,
            Some(Ty::PassThru(key)) => {
                self.diags.push(passthru_misuse(
                    loc,
                    format!("no field `{name}` on `PassThru<{}>` in jit code", key.name),
                ));
                return Ty::Unknown;
            }
            Some(other) => {
                let shown = self.show(&other);
                self.diags.push(
                    Diagnostic::new(loc, format!("no field `{name}` on type `{shown}`")).note(
                        "note: named fields belong to `#[jitclass]` instances; tuples have `.0`, `.1`, ...",
                    ),
                );
                return Ty::Unknown;
            }
        };
        let fields = self.class_fields(&key, loc);
        match fields.iter().position(|f| f.name == name) {
            Some(i) => {
                self.field_index.insert(id, i as u32);
                Self::ty_of_type(&fields[i].ty)
            }
            None if let Some(getter) = self.property(&key, name, FnKind::Getter, loc) => {
                let ExprKind::Field(base, _) = self.ir.expr(id).kind else {
                    unreachable!("a field expression")
                };
                self.call_target(id, getter, &[base], std::slice::from_ref(bt))
            }
            None => {
                let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                let mut d =
                    Diagnostic::new(loc, format!("no field `{name}` on type `{}`", key.name));
                d = d.note(if names.is_empty() {
                    format!("note: `{}` has no fields", key.name)
                } else {
                    format!(
                        "note: the fields of `{}` are: {}",
                        key.name,
                        names.join(", ")
                    )
                });
                self.diags.push(d);
                Ty::Unknown
            }
        }
    }

    /// The `#[getter] fn name` or `#[setter] fn set_name` of a class, if it has one.
    fn property(
        &mut self,
        key: &ClassKey,
        name: &str,
        kind: FnKind,
        loc: LocId,
    ) -> Option<ClassFn> {
        let method = match kind {
            FnKind::Setter => format!("set_{name}"),
            _ => name.to_string(),
        };
        match self.callees.method(key, &method) {
            Ok(mut ms) if ms.len() == 1 && ms[0].kind == kind => Some(ClassFn {
                call: ClassCall {
                    class: key.clone(),
                    method,
                    candidate: 0,
                },
                sig: ms.remove(0),
            }),
            Ok(_) => None,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                None
            }
        }
    }

    /// `Class { f: v, .. }`: every field exactly once, each value of its field's type.
    fn struct_lit(&mut self, id: ExprId, class: ClassRefId, written: &[(String, ExprId)]) -> Ty {
        let loc = self.loc(id);
        let value_types: Vec<Ty> = written.iter().map(|(_, e)| self.expr(*e)).collect();
        let Ty::Class(key) = self.class_ty(class, loc) else {
            return Ty::Unknown;
        };
        let fields = self.class_fields(&key, loc);
        let mut indices = Vec::with_capacity(written.len());
        let mut seen = vec![false; fields.len()];
        for ((name, value), vt) in written.iter().zip(&value_types) {
            let vloc = self.loc(*value);
            let Some(i) = fields.iter().position(|f| &f.name == name) else {
                self.diags.push(
                    Diagnostic::new(
                        vloc,
                        format!("struct `{}` has no field named `{name}`", key.name),
                    )
                    .note(format!(
                        "note: the fields of `{}` are: {}",
                        key.name,
                        fields
                            .iter()
                            .map(|f| f.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
                indices.push(0);
                continue;
            };
            if seen[i] {
                self.diags.push(Diagnostic::new(
                    vloc,
                    format!("field `{name}` specified more than once"),
                ));
            }
            seen[i] = true;
            indices.push(i as u32);
            let ft = Self::ty_of_type(&fields[i].ty);
            self.coerce_at(vt, &ft, vloc);
        }
        let missing: Vec<String> = fields
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|(f, _)| format!("`{}`", f.name))
            .collect();
        if !missing.is_empty() {
            self.diags.push(Diagnostic::new(
                loc,
                format!(
                    "missing field{} {} in initializer of `{}`",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    key.name
                ),
            ));
        }
        self.literal_fields.insert(id, indices);
        Ty::Class(key)
    }

    /// A call of a class function, its receiver (if any) being the first argument.
    fn call_target(&mut self, id: ExprId, f: ClassFn, args: &[ExprId], arg_types: &[Ty]) -> Ty {
        let loc = self.loc(id);
        let m = &f.sig;
        let sig = &m.sig;
        if sig.params.len() != args.len() {
            let (expected, supplied) = match m.receiver {
                // `v.m(a)`: the receiver is not counted, as rustc does not count it.
                Some(_) if matches!(self.ir.expr(id).kind, ExprKind::MethodCall { .. }) => {
                    (sig.params.len() - 1, args.len() - 1)
                }
                _ => (sig.params.len(), args.len()),
            };
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            self.diags.push(Diagnostic::new(
                loc,
                format!(
                    "`{}` takes {expected} argument{} but {supplied} argument{} supplied",
                    sig.name,
                    plural(expected),
                    if supplied == 1 { " was" } else { "s were" },
                ),
            ));
            return Ty::Unknown;
        }
        let generics: Vec<Ty> = (0..sig.generics)
            .map(|_| self.fresh(VarKind::General))
            .collect();
        for ((a, at), pt) in args.iter().zip(arg_types).zip(&sig.params) {
            let pty = self.ty_of_expr_type_with(pt, Some(&generics));
            let aloc = self.loc(*a);
            self.coerce_at(at, &pty, aloc);
        }
        self.call_vars.insert(id, generics.clone());
        let ret = self.ty_of_expr_type_with(&sig.ret, Some(&generics));
        self.class_calls.insert(id, f.call);
        ret
    }

    // ---- operators on classes ---------------------------------------------------------

    /// The impl of operator method `method` whose right-hand operand takes `rhs` (`None`
    /// for `Neg`); `Ok(None)` if the class has no such method.
    fn operator_fn(
        &mut self,
        key: &ClassKey,
        method: OperatorMethod,
        rhs: Option<&Ty>,
        loc: LocId,
    ) -> Result<Option<ClassFn>, ()> {
        let name = method.key();
        let candidates = match self.callees.method(key, &name) {
            Ok(c) => c,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Err(());
            }
        };
        if candidates.is_empty() {
            return Ok(None);
        }
        // As rustc: one impl is the one (its operand type then checks the argument, with
        // rustc's "mismatched types"); among several, the right operand's type chooses.
        let fits: Vec<usize> = if candidates.len() == 1 {
            vec![0]
        } else {
            (0..candidates.len())
                .filter(|&i| match (rhs, candidates[i].sig.params.get(1)) {
                    (None, _) => true,
                    (Some(r), Some(p)) => concrete_type(p, &[]).is_some_and(|p| self.may_be(r, &p)),
                    (Some(_), None) => false,
                })
                .collect()
        };
        match fits.as_slice() {
            [i] => Ok(Some(ClassFn {
                call: ClassCall {
                    class: key.clone(),
                    method: name,
                    candidate: *i,
                },
                sig: candidates[*i].clone(),
            })),
            [] => Ok(None),
            _ => {
                self.diags.push(
                    Diagnostic::new(loc, "type annotations needed").note(format!(
                        "note: several `{name}` impls of `{}` could apply",
                        key.name
                    )),
                );
                Err(())
            }
        }
    }

    /// Whether `t` could turn out to be `expected` (a literal of the right kind, say).
    fn may_be(&self, t: &Ty, expected: &Type) -> bool {
        match (self.resolve(t), expected) {
            (Ty::Var(v), Type::Prim(p)) => match self.var_kind(v) {
                VarKind::Int => p.is_int(),
                VarKind::Float => p.is_float(),
                VarKind::General => true,
            },
            (Ty::Var(v), _) => self.var_kind(v) == VarKind::General,
            (Ty::Unknown, _) => true,
            (t, e) => self.concrete(&t).as_ref() == Some(e),
        }
    }

    /// Checks the operands of an operator call against its method, returning its result.
    fn operator_call(&mut self, f: &ClassFn, operands: &[(ExprId, Ty)]) -> Ty {
        for ((e, t), p) in operands.iter().zip(&f.sig.sig.params) {
            let pt = self.ty_of_expr_type_with(p, Some(&[]));
            let loc = self.loc(*e);
            self.coerce_at(t, &pt, loc);
        }
        self.ty_of_expr_type_with(&f.sig.sig.ret, Some(&[]))
    }

    /// `a op b` with a class instance on the left.
    fn class_binary(
        &mut self,
        id: ExprId,
        op: BinOp,
        (a, at): (ExprId, Ty),
        (b, bt): (ExprId, Ty),
        key: ClassKey,
    ) -> Ty {
        let loc = self.loc(id);
        let method = OperatorMethod::for_syntax(Syntax::Binary(op));
        let operands = [(a, at.clone()), (b, bt.clone())];
        let swapped = [(b, bt.clone()), (a, at.clone())];
        let Ok(direct) = (match method {
            None => Ok(None),
            Some(m) => self.operator_fn(&key, m, Some(&bt), loc),
        }) else {
            return Ty::Unknown;
        };
        if let Some(f) = direct {
            let t = self.operator_call(&f, &operands);
            self.call_vars.insert(id, Vec::new());
            self.class_ops.insert(id, ClassOp::Call(f.call));
            return t;
        }
        // Rust's provided methods: `ne` from `eq`, `gt`/`le`/`ge` from `lt` (and `eq`).
        let fallback = match method.and_then(OperatorMethod::provided) {
            Some(Provided::Negated(eq)) => self.operator_fn(&key, eq, Some(&bt), loc).map(|eq| {
                eq.map(|eq| {
                    self.operator_call(&eq, &operands);
                    ClassOp::Negated(eq.call)
                })
            }),
            Some(Provided::Swapped(lt)) => self.operator_fn(&key, lt, Some(&at), loc).map(|lt| {
                lt.map(|lt| {
                    self.operator_call(&lt, &swapped);
                    ClassOp::Swapped(lt.call)
                })
            }),
            Some(Provided::OrEq {
                lt,
                eq,
                swapped: swapped_form,
            }) => {
                let lt = self.operator_fn(&key, lt, Some(&bt), loc);
                let eq = self.operator_fn(&key, eq, Some(&bt), loc);
                match (lt, eq) {
                    (Ok(Some(lt)), Ok(Some(eq))) => {
                        self.operator_call(&lt, if swapped_form { &swapped } else { &operands });
                        self.operator_call(&eq, &operands);
                        Ok(Some(ClassOp::OrEq {
                            lt: lt.call,
                            eq: eq.call,
                            swapped: swapped_form,
                        }))
                    }
                    (Err(()), _) | (_, Err(())) => Err(()),
                    _ => Ok(None),
                }
            }
            None => Ok(None),
        };
        match fallback {
            Ok(Some(class_op)) => {
                self.call_vars.insert(id, Vec::new());
                self.class_ops.insert(id, class_op);
                Ty::Prim(PrimTy::Bool)
            }
            Ok(None) => {
                let trait_name = method.map_or("", |m| m.operator_trait().name());
                let shown = self.show(&bt);
                let message = method
                    .and_then(|m| m.no_impl_for_rhs(&key.name, &shown))
                    .unwrap_or_else(|| {
                        format!(
                            "binary operation `{}` cannot be applied to type `{}`",
                            op.symbol(),
                            key.name
                        )
                    });
                let mut d = Diagnostic::new(loc, message);
                if !trait_name.is_empty() {
                    d = d.note(format!(
                        "note: `{}` has no `#[jitclass] impl {trait_name}` taking `{shown}`",
                        key.name
                    ));
                }
                self.diags.push(d);
                Ty::Unknown
            }
            Err(()) => Ty::Unknown,
        }
    }

    /// `v[i]` on a class instance: `*index(v, i)`, or `*index_mut(v, i)` as a place.
    fn class_index(
        &mut self,
        id: ExprId,
        key: ClassKey,
        method: OperatorMethod,
        (bt, it): (&Ty, &Ty),
    ) -> Ty {
        let loc = self.loc(id);
        let ExprKind::Index(base, index) = self.ir.expr(id).kind else {
            unreachable!("an index expression")
        };
        match self.operator_fn(&key, method, Some(it), loc) {
            Ok(Some(f)) => {
                let r = self.operator_call(&f, &[(base, bt.clone()), (index, it.clone())]);
                self.call_vars.insert(id, Vec::new());
                self.class_ops.insert(id, ClassOp::Call(f.call));
                match self.resolve(&r) {
                    Ty::Ref(inner, _) => *inner,
                    _ => Ty::Unknown,
                }
            }
            Ok(None) => {
                let trait_name = method.operator_trait().name();
                let shown = self.show(it);
                let what = if method.syntax() == (Syntax::Index { mutable: true }) {
                    "assign to an index of"
                } else {
                    "index into"
                };
                self.diags.push(
                    Diagnostic::new(loc, format!("cannot {what} a value of type `{}`", key.name))
                        .note(format!(
                            "note: `{}` has no `#[jitclass] impl {trait_name}` taking `{shown}`",
                            key.name
                        )),
                );
                Ty::Unknown
            }
            Err(()) => Ty::Unknown,
        }
    }

    /// `place op= value` on a class instance: its `*Assign` trait method.
    fn class_compound(
        &mut self,
        id: ExprId,
        op: BinOp,
        (place, pt): (ExprId, Ty),
        (value, vt): (ExprId, Ty),
        key: ClassKey,
    ) -> Ty {
        let loc = self.loc(id);
        let method = OperatorMethod::for_syntax(Syntax::Compound(op));
        let found = match method {
            None => Ok(None),
            Some(m) => self.operator_fn(&key, m, Some(&vt), loc),
        };
        match found {
            Ok(Some(f)) => {
                self.operator_call(&f, &[(place, pt), (value, vt)]);
                self.call_vars.insert(id, Vec::new());
                self.class_ops.insert(id, ClassOp::Call(f.call));
            }
            Ok(None) => {
                // As rustc: impls for other right-hand types are named by the trait's
                // own message; with no impl at all, the operator is not applicable.
                let has_impls = method.is_some_and(|m| {
                    self.callees
                        .method(&key, &m.key())
                        .is_ok_and(|impls| !impls.is_empty())
                });
                let shown = self.show(&vt);
                let message = match method.and_then(|m| m.no_impl_for_rhs(&key.name, &shown)) {
                    Some(m) if has_impls => m,
                    _ => format!(
                        "binary assignment operation `{}=` cannot be applied to type `{}`",
                        op.symbol(),
                        key.name
                    ),
                };
                let mut d = Diagnostic::new(loc, message);
                if let Some(trait_name) = method.map(|m| m.operator_trait().name()) {
                    d = d.note(if has_impls {
                        format!(
                            "note: `{}` has no `#[jitclass] impl {trait_name}<{shown}>`",
                            key.name
                        )
                    } else {
                        format!(
                            "note: `{}` has no `#[jitclass] impl {trait_name}`",
                            key.name
                        )
                    });
                }
                self.diags.push(d);
            }
            Err(()) => {}
        }
        Ty::Unit
    }

    /// At macro time, a left operand whose type is still open comes from a value only the
    /// run time knows (a class instance, a callee's result, copied into a local): it may
    /// be a class, whose operator impls take other right-hand types, so the right operand
    /// must not decide its type. It stays unknown, like the value it came from.
    fn unknown_at_macro_time(&mut self, t: &Ty) {
        if self.mode == Mode::MacroTime
            && let Ty::Var(v) = self.resolve(t)
            && self.var_kind(v) == VarKind::General
        {
            self.vars[v as usize] = VarState::Bound(Ty::Unknown);
        }
    }

    /// `base.name = value`: a class field, or a `#[setter]` property (a call of
    /// `set_name(base, value)`).
    fn field_assign(
        &mut self,
        id: ExprId,
        place: ExprId,
        (base, name): (ExprId, &str),
        value: ExprId,
    ) -> Ty {
        let loc = self.loc(place);
        let bt = self.expr(base);
        if let Ty::Class(key) = self.resolve(&bt)
            && !self.class_fields(&key, loc).iter().any(|f| f.name == name)
            && let Some(setter) = self.property(&key, name, FnKind::Setter, loc)
        {
            self.check_mutable_receiver(base, &setter.call.method);
            let vt = self.expr(value);
            self.expr_types[place.index()] = Ty::Unit;
            self.call_target(id, setter, &[base, value], &[bt, vt]);
            return Ty::Unit;
        }
        self.check_assignable_root(place, loc);
        let pt = self.field(place, &bt, name, loc);
        self.not_a_property(place, name, "assigned");
        self.expr_types[place.index()] = pt.clone();
        let vt = self.expr(value);
        let vloc = self.loc(value);
        self.coerce_at(&vt, &pt, vloc);
        Ty::Unit
    }

    /// A field place (`x.f`, `x.0.f`) must be rooted in a mutable variable, a slice
    /// element, or an instance from anywhere (instances are references).
    fn check_assignable_root(&mut self, place: ExprId, loc: LocId) {
        let ir = self.ir;
        let mut root = place;
        while let ExprKind::TupleField(b, _) | ExprKind::Field(b, _) = &ir.expr(root).kind {
            root = *b;
        }
        if let ExprKind::Local(l) = &ir.expr(root).kind {
            let decl = ir.local(*l);
            if !decl.mutable && decl.name == "self" {
                self.diags.push(
                    Diagnostic::new(
                        loc,
                        "cannot assign to a field of `self`, which is behind a `&` reference",
                    )
                    .note("help: take `&mut self` in this method"),
                );
            } else if !decl.mutable {
                self.diags.push(
                    Diagnostic::new(
                        loc,
                        format!(
                            "cannot assign to a field of immutable variable `{}`",
                            decl.name
                        ),
                    )
                    .note(format!(
                        "help: make the variable mutable: `let mut {}`",
                        decl.name
                    )),
                );
            }
        } else if !matches!(ir.expr(root).kind, ExprKind::Index(..))
            && !matches!(ir.expr(place).kind, ExprKind::Field(..))
        {
            // A class field is a place whatever the instance comes from (a call,
            // another field): instances are references.
            self.diags
                .push(Diagnostic::new(loc, "invalid left-hand side of assignment"));
        }
    }

    /// The local a place expression (`x`, `x.f.g`, `x.0`) is rooted in, if any.
    fn root_local(&self, mut e: ExprId) -> Option<LocalId> {
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Local(l) => return Some(*l),
                ExprKind::Field(b, _) | ExprKind::TupleField(b, _) => e = *b,
                _ => return None,
            }
        }
    }

    /// A `&mut self` method needs a receiver rooted in a mutable variable, as in Rust.
    fn check_mutable_receiver(&mut self, receiver: ExprId, method: &str) {
        let Some(l) = self.root_local(receiver) else {
            return;
        };
        let decl = self.ir.local(l);
        if decl.mutable {
            return;
        }
        let d = if decl.name == "self" {
            Diagnostic::new(
                self.loc(receiver),
                format!("cannot call `{method}`, which takes `&mut self`, through `&self`"),
            )
            .note("help: take `&mut self` in this method")
        } else {
            Diagnostic::new(
                self.loc(receiver),
                format!(
                    "cannot borrow `{}` as mutable, as it is not declared as mutable",
                    decl.name
                ),
            )
            .note(format!("note: `{method}` takes `&mut self`"))
            .note(format!(
                "help: make the variable mutable: `let mut {}`",
                decl.name
            ))
        };
        self.diags.push(d);
    }

    /// The type of `if`/`if let` branches: a missing `else` needs a `()` then-branch.
    fn branches(&mut self, loc: LocId, then_branch: ExprId, else_branch: Option<ExprId>) -> Ty {
        let tt = self.expr(then_branch);
        let Some(els) = else_branch else {
            if self.coerce(&tt, &Ty::Unit).is_err() {
                let shown = self.show(&tt);
                self.diags.push(Diagnostic::new(loc, "`if` may be missing an `else` clause").note(
                    format!(
                        "note: the `if` branch has type `{shown}`, so an `else` branch of the same type is required"
                    ),
                ));
                // Its value was meant to be used: no follow-up "found `()`".
                return Ty::Unknown;
            }
            return Ty::Unit;
        };
        let et = self.expr(els);
        if self.resolve(&tt) == Ty::Never {
            et
        } else if self.resolve(&et) == Ty::Never {
            tt
        } else {
            if self.unify(&tt, &et).is_err() {
                let eloc = self.tail_loc(els).unwrap_or(self.loc(els));
                let (a, b) = (self.show(&tt), self.show(&et));
                self.diags.push(Diagnostic::new(
                    eloc,
                    format!("`if` and `else` have incompatible types: expected `{a}`, found `{b}`"),
                ));
            }
            tt
        }
    }

    fn unit_body(&mut self, body: ExprId) {
        let bt = self.expr(body);
        if self.coerce(&bt, &Ty::Unit).is_err() {
            let loc = self.tail_loc(body).unwrap_or(self.loc(body));
            let d = self.mismatch(loc, &Ty::Unit, &bt);
            self.diags
                .push(d.note("help: a loop body cannot produce a value; add `;`"));
        }
    }

    fn block(&mut self, block: &Block) -> Ty {
        let mut diverges = false;
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let {
                    pattern,
                    ty,
                    init,
                    loc,
                } => {
                    let decl = match ty {
                        Some(te) => self.ty_of_expr_type(te, *loc),
                        None => self.fresh(VarKind::General),
                    };
                    if let Some(init) = init {
                        let it = self.expr(*init);
                        if self.resolve(&it) == Ty::Never {
                            diverges = true;
                            // The binding is never reached; any type will do.
                            if matches!(self.resolve(&decl), Ty::Var(v) if self.var_kind(v) == VarKind::General)
                            {
                                let _ = self.unify(&decl, &Ty::Unit);
                            }
                        }
                        let iloc = self.tail_loc(*init).unwrap_or(self.loc(*init));
                        self.coerce_at(&it, &decl, iloc);
                    }
                    self.bind_pattern(pattern, &decl, *loc, init.is_some());
                }
                Stmt::Expr(e) => {
                    let t = self.expr(*e);
                    if self.resolve(&t) == Ty::Never {
                        diverges = true;
                    }
                }
            }
        }
        match block.tail {
            Some(t) => self.expr(t),
            None if diverges => Ty::Never,
            None => Ty::Unit,
        }
    }

    fn bind_pattern(&mut self, pat: &Pattern, t: &Ty, loc: LocId, initialised: bool) {
        match pat {
            Pattern::Bind(l) => {
                self.local_types[l.index()] = Some(t.clone());
                self.local_assigned[l.index()] = initialised;
            }
            Pattern::Wild => {}
            Pattern::Tuple(ps) => {
                let elems: Vec<Ty> = match self.resolve(t) {
                    Ty::Tuple(es) if es.len() == ps.len() => es,
                    Ty::Unknown => vec![Ty::Unknown; ps.len()],
                    other => {
                        let fresh: Vec<Ty> = (0..ps.len())
                            .map(|_| self.fresh(VarKind::General))
                            .collect();
                        if self.unify(&other, &Ty::Tuple(fresh.clone())).is_err() {
                            let shown = self.show(&other);
                            self.diags.push(Diagnostic::new(
                                loc,
                                format!(
                                    "mismatched types: expected `{shown}`, found a tuple pattern with {} elements",
                                    ps.len()
                                ),
                            ));
                            vec![Ty::Unknown; ps.len()]
                        } else {
                            fresh
                        }
                    }
                };
                for (p, e) in ps.iter().zip(&elems) {
                    self.bind_pattern(p, e, loc, initialised);
                }
            }
        }
    }

    /// The type of an assignable place, after checking that it may be assigned.
    fn place(&mut self, id: ExprId, compound: bool) -> Ty {
        let ir = self.ir;
        let loc = self.loc(id);
        match &ir.expr(id).kind {
            ExprKind::Local(l) => {
                let decl = ir.local(*l);
                // `let x;` may be assigned later (rustc's shadow check enforces "once" for
                // non-generic code; generic code is only checked for being initialised).
                let deferred_init = !compound && !self.local_assigned[l.index()];
                let is_self =
                    ir.receiver.is_some() && ir.params.first().map(|p| p.local) == Some(*l);
                if is_self {
                    // The receiver is borrowed from the caller: it cannot be rebound.
                    self.diags.push(
                        Diagnostic::new(loc, "cannot assign to `self` in a jitclass method").note(
                            "help: assign its fields (`self.x = ..`), or return another instance",
                        ),
                    );
                } else if !decl.mutable && !deferred_init {
                    let is_param = ir.params.iter().any(|p| p.local == *l);
                    let what = if is_param {
                        format!("cannot assign to immutable argument `{}`", decl.name)
                    } else {
                        format!("cannot assign twice to immutable variable `{}`", decl.name)
                    };
                    self.diags.push(Diagnostic::new(loc, what).note(format!(
                        "help: make the variable mutable: `let mut {}`",
                        decl.name
                    )));
                }
                self.expr(id)
            }
            ExprKind::Index(base, index) => {
                let bt = self.expr(*base);
                let it = self.expr(*index);
                let t = if let Ty::Class(key) = self.resolve(&bt) {
                    // `v[i] = x` goes through `IndexMut::index_mut`.
                    self.check_mutable_receiver(*base, "index_mut");
                    self.class_index(id, key, OperatorMethod::IndexMut, (&bt, &it))
                } else {
                    let iloc = self.loc(*index);
                    self.index(id, &bt, &it, loc, iloc)
                };
                self.expr_types[id.index()] = t.clone();
                if let Ty::Slice(_, false) = self.resolve(&bt) {
                    self.diags.push(
                        Diagnostic::new(
                            loc,
                            "cannot assign through a `&` slice: its elements are read-only",
                        )
                        .note("help: take the parameter as `&mut [T]`"),
                    );
                }
                t
            }
            ExprKind::TupleField(..) | ExprKind::Field(..) => {
                self.check_assignable_root(id, loc);
                let t = self.expr(id);
                if let ExprKind::Field(_, name) = &ir.expr(id).kind {
                    self.not_a_property(id, name, "assigned in place");
                }
                t
            }
            _ => {
                self.expr(id);
                self.diags.push(
                    Diagnostic::new(loc, "invalid left-hand side of assignment").note(
                        "note: only variables, slice elements, tuple fields and class fields can be assigned",
                    ),
                );
                Ty::Unknown
            }
        }
    }

    fn binary(&mut self, id: ExprId, op: BinOp, a: ExprId, b: ExprId) -> Ty {
        let at = self.expr(a);
        let bt = self.expr(b);
        let bloc = self.loc(b);
        if !matches!(op, BinOp::And | BinOp::Or) {
            self.unknown_at_macro_time(&at);
        }
        if let Ty::Class(key) = self.resolve(&at)
            && !matches!(op, BinOp::And | BinOp::Or)
        {
            return self.class_binary(id, op, (a, at), (b, bt), key);
        }
        match op {
            BinOp::And | BinOp::Or => {
                let aloc = self.loc(a);
                self.coerce_at(&at, &Ty::Prim(PrimTy::Bool), aloc);
                self.coerce_at(&bt, &Ty::Prim(PrimTy::Bool), bloc);
                Ty::Prim(PrimTy::Bool)
            }
            BinOp::Shl | BinOp::Shr => {
                self.deferred.push(Deferred::Binary(id, op, at.clone()));
                self.deferred.push(Deferred::Binary(b, BinOp::Shl, bt));
                at
            }
            _ => {
                if self.coerce(&bt, &at).is_err() {
                    let d = self.mismatch(bloc, &at, &bt);
                    self.diags.push(d);
                }
                self.deferred.push(Deferred::Binary(id, op, at.clone()));
                if op.is_comparison() {
                    Ty::Prim(PrimTy::Bool)
                } else {
                    at
                }
            }
        }
    }

    fn tuple_field(&mut self, bt: &Ty, index: u32, loc: LocId) -> Ty {
        match self.known_receiver(bt, loc) {
            None => Ty::Unknown,
            Some(Ty::Tuple(es)) if (index as usize) < es.len() => es[index as usize].clone(),
            Some(other) => {
                let shown = self.show(&other);
                self.diags.push(Diagnostic::new(
                    loc,
                    format!("no field `{index}` on type `{shown}`"),
                ));
                Ty::Unknown
            }
        }
    }

    fn index(&mut self, id: ExprId, bt: &Ty, it: &Ty, loc: LocId, iloc: LocId) -> Ty {
        let usize_t = Ty::Prim(PrimTy::Usize);
        match self.known_receiver(bt, loc) {
            None => Ty::Unknown,
            Some(Ty::Class(key)) => self.class_index(id, key, OperatorMethod::Index, (bt, it)),
            Some(Ty::Slice(elem, _)) => {
                if self.coerce(it, &usize_t).is_err() {
                    let shown = self.show(it);
                    self.diags.push(
                        Diagnostic::new(
                            iloc,
                            format!("slices are indexed by `usize`, found `{shown}`"),
                        )
                        .note("help: convert the index with `as usize`"),
                    );
                }
                *elem
            }
            Some(other) => {
                let shown = self.show(&other);
                self.diags.push(Diagnostic::new(
                    loc,
                    format!("cannot index into a value of type `{shown}`"),
                ));
                Ty::Unknown
            }
        }
    }

    fn call(&mut self, id: ExprId, callee: RefId, args: &[ExprId]) -> Ty {
        let loc = self.loc(id);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let sig = match self.callees.signature(callee) {
            Ok(Some(sig)) => sig,
            Ok(None) => return Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Ty::Unknown;
            }
        };
        if sig.is_unsafe && !self.ir.refs[callee.index()].in_unsafe {
            self.diags.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "call to unsafe C function `{}` is unsafe and requires an `unsafe` block",
                        sig.name
                    ),
                )
                .note(format!("note: jit code cannot check what a C function does; declare it `safe fn {}` in an `unsafe extern \"C\"` block if any call is safe", sig.name)),
            );
        }
        if sig.params.len() != args.len() {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            self.diags.push(Diagnostic::new(
                loc,
                format!(
                    "function `{}` takes {} argument{} but {} argument{} supplied",
                    sig.name,
                    sig.params.len(),
                    plural(sig.params.len()),
                    args.len(),
                    if args.len() == 1 { " was" } else { "s were" },
                ),
            ));
            return Ty::Unknown;
        }
        let generics: Vec<Ty> = (0..sig.generics)
            .map(|_| self.fresh(VarKind::General))
            .collect();
        for ((a, at), pt) in args.iter().zip(&arg_types).zip(&sig.params) {
            let pty = self.ty_of_expr_type_with(pt, Some(&generics));
            let aloc = self.loc(*a);
            self.coerce_at(at, &pty, aloc);
        }
        self.call_vars.insert(id, generics.clone());
        self.ty_of_expr_type_with(&sig.ret, Some(&generics))
    }

    /// `f(args)` through a function pointer.
    fn call_indirect(&mut self, callee: ExprId, args: &[ExprId], loc: LocId) -> Ty {
        let ct = self.expr(callee);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        match self.resolve(&ct) {
            Ty::FnPtr(params, ret) => {
                if params.len() != args.len() {
                    let plural = |n: usize| if n == 1 { "" } else { "s" };
                    self.diags.push(Diagnostic::new(
                        loc,
                        format!(
                            "this function takes {} argument{} but {} argument{} supplied",
                            params.len(),
                            plural(params.len()),
                            args.len(),
                            if args.len() == 1 { " was" } else { "s were" },
                        ),
                    ));
                    return *ret;
                }
                for ((a, at), pt) in args.iter().zip(&arg_types).zip(&params) {
                    let aloc = self.loc(*a);
                    self.coerce_at(at, pt, aloc);
                }
                *ret
            }
            Ty::Unknown => Ty::Unknown,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => Ty::Unknown,
            other => {
                let shown = self.show(&other);
                self.diags.push(
                    Diagnostic::new(
                        self.loc(callee),
                        format!("expected function, found `{shown}`"),
                    )
                    .note("note: jit code calls `#[jit]` fns, methods, and values of a function pointer type `extern \"C\" fn(..) -> ..`"),
                );
                Ty::Unknown
            }
        }
    }

    /// A function named as a value: a C function pointer of its signature.
    fn fn_ref(&mut self, item: RefId, loc: LocId) -> Ty {
        let sig = match self.callees.signature(item) {
            Ok(Some(sig)) => sig,
            Ok(None) => return Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Ty::Unknown;
            }
        };
        let name = &sig.name;
        if sig.generics > 0 {
            self.diags.push(
                Diagnostic::new(loc, format!("the generic jit fn `{name}` cannot be used as a value"))
                    .note("note: a function pointer has one signature; call a non-generic `extern \"C\"` jit fn through it"),
            );
            return Ty::Unknown;
        }
        if !sig.extern_c {
            self.diags.push(
                Diagnostic::new(loc, format!("`{name}` is not an `extern \"C\"` fn, so it has no C function pointer"))
                    .note(format!("help: declare it `#[jit] extern \"C\" fn {name}(..)`, as Rust requires for `extern \"C\" fn` pointers")),
            );
            return Ty::Unknown;
        }
        if sig.is_unsafe {
            self.diags.push(
                Diagnostic::new(loc, format!("the unsafe C function `{name}` cannot be used as a value"))
                    .note(format!("note: jit code has only safe function pointers; declare it `safe fn {name}` in an `unsafe extern \"C\"` block if it is safe to call")),
            );
            return Ty::Unknown;
        }
        let params = sig
            .params
            .iter()
            .map(|p| self.ty_of_expr_type_with(p, Some(&[])))
            .collect();
        let ret = self.ty_of_expr_type_with(&sig.ret, Some(&[]));
        Ty::FnPtr(params, Box::new(ret))
    }

    /// The type of the elements a `for` loop walks: of a tuple whose elements share one
    /// type, or of a slice.
    fn element_type(&mut self, iterable: &Ty, loc: LocId) -> Ty {
        match self.resolve(iterable) {
            Ty::Tuple(elems) if !elems.is_empty() => {
                let first = elems[0].clone();
                for (i, e) in elems.iter().enumerate().skip(1) {
                    if self.unify(e, &first).is_err() {
                        let (a, b) = (self.show(&first), self.show(e));
                        self.diags.push(
                            Diagnostic::new(
                                loc,
                                format!("a `for` loop over a tuple needs elements of one type, but element 0 is `{a}` and element {i} is `{b}`"),
                            )
                            .note("note: the loop body is compiled once, for one element type"),
                        );
                        break;
                    }
                }
                first
            }
            Ty::Slice(elem, _) => *elem,
            Ty::Unknown => Ty::Unknown,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => Ty::Unknown,
            other => {
                let shown = self.show(&other);
                self.diags.push(
                    Diagnostic::new(loc, format!("`{shown}` cannot be iterated in jit code"))
                        .note("note: `for` loops walk integer ranges `a..b` / `a..=b`, tuples whose elements share one type, and slices"),
                );
                Ty::Unknown
            }
        }
    }

    fn method_call(&mut self, id: ExprId, receiver: ExprId, method: &str, args: &[ExprId]) -> Ty {
        let loc = self.loc(id);
        let rt = self.expr(receiver);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let recv = match self.resolve(&rt) {
            Ty::Var(v) if self.var_kind(v) != VarKind::General => {
                let (kind, literal, ty) = if self.var_kind(v) == VarKind::Int {
                    ("{integer}", "2_i64", "i64")
                } else {
                    ("{float}", "2.0_f64", "f64")
                };
                self.diags.push(
                    Diagnostic::new(
                        loc,
                        format!("can't call method `{method}` on ambiguous numeric type `{kind}`"),
                    )
                    .note(format!(
                        "help: give the value a type, e.g. `{literal}` or `let x: {ty} = ...`"
                    )),
                );
                return Ty::Unknown;
            }
            _ => match self.known_receiver(&rt, self.loc(receiver)) {
                None => return Ty::Unknown,
                Some(t) => t,
            },
        };
        if let Ty::Class(key) = &recv {
            let Some(f) = self.lookup_method(key, method, loc) else {
                return Ty::Unknown;
            };
            if f.sig.receiver.is_none() {
                self.diags.push(
                    Diagnostic::new(
                        loc,
                        format!(
                            "`{method}` is an associated function of `{}`, not a method",
                            key.name
                        ),
                    )
                    .note(format!("help: call it as `{}::{method}(..)`", key.name)),
                );
                return Ty::Unknown;
            }
            if f.sig.receiver == Some(Receiver::RefMut) {
                self.check_mutable_receiver(receiver, method);
            }
            let mut all_args = vec![receiver];
            all_args.extend_from_slice(args);
            let mut all_types = vec![rt.clone()];
            all_types.extend(arg_types);
            return self.call_target(id, f, &all_args, &all_types);
        }
        if let Ty::PassThru(key) = &recv {
            self.diags.push(passthru_misuse(
                loc,
                format!(
                    "no method named `{method}` on `PassThru<{}>` in jit code",
                    key.name
                ),
            ));
            return Ty::Unknown;
        }
        let concrete = match self.concrete(&recv) {
            Some(t) => t,
            None => return Ty::Unknown,
        };
        let Some(sig) = methods::lookup(&concrete, method) else {
            let names = methods::names_for(&concrete);
            let mut d = Diagnostic::new(
                loc,
                format!(
                    "no method named `{method}` found for {} in the current scope",
                    methods::receiver_description(&concrete)
                ),
            );
            if !names.is_empty() {
                d = d.note(format!(
                    "note: the methods of `{concrete}` in jit code are: {}",
                    names.join(", ")
                ));
            }
            if let Type::FnPtr { .. } = concrete {
                d = d.note("help: a function pointer has no methods; call it: `f(x)`, or `(self.f)(x)` for a field");
            }
            self.diags.push(d);
            return Ty::Unknown;
        };
        if sig.params.len() != args.len() {
            self.diags.push(Diagnostic::new(
                loc,
                format!(
                    "method `{method}` takes {} argument{} but {} {} supplied",
                    sig.params.len(),
                    if sig.params.len() == 1 { "" } else { "s" },
                    args.len(),
                    if args.len() == 1 { "was" } else { "were" },
                ),
            ));
            return Self::ty_of_type(&sig.ret);
        }
        for ((a, at), pt) in args.iter().zip(&arg_types).zip(&sig.params) {
            let aloc = self.loc(*a);
            self.coerce_at(at, &Self::ty_of_type(pt), aloc);
        }
        self.methods.insert(id, sig.builtin);
        Self::ty_of_type(&sig.ret)
    }

    /// A fully known type, if `t` has no variables or unknowns left.
    fn concrete(&self, t: &Ty) -> Option<Type> {
        Some(match self.resolve(t) {
            Ty::Prim(p) => Type::Prim(p),
            Ty::Unit => Type::Unit,
            Ty::Never => Type::Never,
            Ty::Tuple(es) => {
                Type::Tuple(es.iter().map(|e| self.concrete(e)).collect::<Option<_>>()?)
            }
            Ty::Slice(e, m) => Type::Slice {
                elem: Box::new(self.concrete(&e)?),
                mutable: m,
            },
            Ty::Option(e) => Type::Option(Box::new(self.concrete(&e)?)),
            Ty::Class(k) => Type::Class(k),
            Ty::Ref(e, mutable) => Type::Ref {
                inner: Box::new(self.concrete(&e)?),
                mutable,
            },
            Ty::PassThru(k) => Type::PassThru(k),
            Ty::Ptr(e, mutable) => Type::Ptr {
                pointee: Box::new(self.concrete(&e)?),
                mutable,
            },
            Ty::FnPtr(ps, r) => Type::FnPtr {
                params: ps.iter().map(|p| self.concrete(p)).collect::<Option<_>>()?,
                ret: Box::new(self.concrete(&r)?),
            },
            Ty::Var(_) | Ty::Unknown => return None,
        })
    }

    // ---- after the walk -------------------------------------------------------------

    /// `3_000_000_000 as u64`: like rustc, a cast first tries to coerce its operand to the
    /// target type, so a literal that nothing else constrains takes the cast's type.
    fn casts_type_literals(&mut self) {
        let casts: Vec<(Ty, Ty)> = self
            .deferred
            .iter()
            .filter_map(|d| match d {
                Deferred::Cast(_, from, to) => Some((from.clone(), to.clone())),
                _ => None,
            })
            .collect();
        for (from, to) in casts {
            if let (Ty::Var(v), Ty::Prim(p)) = (self.resolve(&from), self.resolve(&to)) {
                let fits = match self.var_kind(v) {
                    VarKind::Int => p.is_int(),
                    VarKind::Float => p.is_float(),
                    VarKind::General => false,
                };
                if fits {
                    let _ = self.unify(&from, &to);
                }
            }
        }
    }

    /// Gives unconstrained literals Rust's default types.
    fn default_literals(&mut self) {
        for v in 0..self.vars.len() {
            if let VarState::Unbound(kind) = self.vars[v] {
                let t = match kind {
                    VarKind::Int => Ty::Prim(PrimTy::I32),
                    VarKind::Float => Ty::Prim(PrimTy::F64),
                    VarKind::General => continue,
                };
                self.vars[v] = VarState::Bound(t);
            }
        }
    }

    fn run_deferred(&mut self) {
        for d in std::mem::take(&mut self.deferred) {
            match d {
                Deferred::Unary(id, op, t) => {
                    let Some(p) = self.prim_or_skip(&t) else {
                        if !self.is_unknownish(&t) && self.concrete(&t).is_some() {
                            let shown = self.show(&t);
                            let sym = if op == UnOp::Neg { "-" } else { "!" };
                            self.diags.push(Diagnostic::new(
                                self.loc(id),
                                format!("cannot apply unary operator `{sym}` to type `{shown}`"),
                            ));
                        }
                        continue;
                    };
                    let ok = match op {
                        UnOp::Neg => p.is_signed(),
                        UnOp::Not => p.is_int() || p == PrimTy::Bool,
                    };
                    if !ok {
                        let sym = if op == UnOp::Neg { "-" } else { "!" };
                        let mut d = Diagnostic::new(
                            self.loc(id),
                            format!("cannot apply unary operator `{sym}` to type `{p}`"),
                        );
                        if op == UnOp::Neg && p.is_int() {
                            d = d.note("note: unsigned values cannot be negated");
                        }
                        self.diags.push(d);
                    }
                }
                Deferred::Binary(id, op, t) => {
                    let loc = self.loc(id);
                    // Raw and function pointers compare by address, pass-through handles by
                    // identity.
                    if matches!(
                        self.resolve(&t),
                        Ty::Ptr(..) | Ty::PassThru(_) | Ty::FnPtr(..)
                    ) && matches!(op, BinOp::Eq | BinOp::Ne)
                    {
                        continue;
                    }
                    let Some(p) = self.prim_or_skip(&t) else {
                        if !self.is_unknownish(&t) && self.concrete(&t).is_some() {
                            let shown = self.show(&t);
                            self.diags.push(Diagnostic::new(
                                loc,
                                format!(
                                    "binary operation `{}` cannot be applied to type `{shown}`",
                                    op.symbol()
                                ),
                            ));
                        }
                        continue;
                    };
                    let ok = match op {
                        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem => {
                            p.is_numeric()
                        }
                        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                            p.is_int() || p == PrimTy::Bool
                        }
                        BinOp::Shl | BinOp::Shr => p.is_int(),
                        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                            true
                        }
                        BinOp::And | BinOp::Or => p == PrimTy::Bool,
                    };
                    if !ok {
                        self.diags.push(Diagnostic::new(
                            loc,
                            format!(
                                "binary operation `{}` cannot be applied to type `{p}`",
                                op.symbol()
                            ),
                        ));
                    }
                }
                Deferred::Cast(id, from, to) => {
                    // Pointers to and from integers (addresses), and to other pointers, as
                    // in Rust.
                    match (self.resolve(&from), self.resolve(&to)) {
                        (Ty::Ptr(..), Ty::Ptr(..)) => continue,
                        (f @ Ty::FnPtr(..), t) | (f, t @ Ty::FnPtr(..)) => {
                            if self.unify(&f, &t).is_err() {
                                let (fc, tc) = (self.show(&f), self.show(&t));
                                self.diags.push(
                                    Diagnostic::new(
                                        self.loc(id),
                                        format!("cannot cast `{fc}` as `{tc}`"),
                                    )
                                    .note("note: a function pointer casts only to its own type (`f as extern \"C\" fn(f64) -> f64` for a function named as a value)"),
                                );
                            }
                            continue;
                        }
                        (Ty::Ptr(..), Ty::Prim(p)) | (Ty::Prim(p), Ty::Ptr(..)) if p.is_int() => {
                            continue;
                        }
                        (Ty::Ptr(..), Ty::Prim(_)) | (Ty::Prim(_), Ty::Ptr(..)) => {
                            let (fc, tc) = (self.show(&from), self.show(&to));
                            self.diags.push(
                                Diagnostic::new(
                                    self.loc(id),
                                    format!("cannot cast `{fc}` as `{tc}`"),
                                )
                                .note(
                                    "note: raw pointers convert to and from integers (addresses)",
                                ),
                            );
                            continue;
                        }
                        _ => {}
                    }
                    let (Some(f), Some(t)) = (self.prim_or_skip(&from), self.prim_or_skip(&to))
                    else {
                        let (fc, tc) = (self.concrete(&from), self.concrete(&to));
                        if let (Some(fc), Some(tc)) = (fc, tc) {
                            self.diags.push(Diagnostic::new(
                                self.loc(id),
                                format!("non-primitive cast: `{fc}` as `{tc}`"),
                            ).note("note: `as` converts between numbers, and from `bool` to integers"));
                        }
                        continue;
                    };
                    if t == PrimTy::Bool && f != PrimTy::Bool {
                        self.diags.push(
                            Diagnostic::new(self.loc(id), format!("cannot cast `{f}` as `bool`"))
                                .note("help: compare with zero instead: `x != 0`"),
                        );
                    } else if f == PrimTy::Bool && t.is_float() {
                        self.diags.push(
                            Diagnostic::new(self.loc(id), format!("cannot cast `bool` as `{t}`"))
                                .note("help: cast through an integer: `b as u8 as f64`"),
                        );
                    }
                }
                Deferred::ExactSizeRange(id, t) => self.check_exact_size_range(id, &t),
                Deferred::RangeBound(id, t) => {
                    if let Some(p) = self.prim_or_skip(&t) {
                        if !p.is_int() {
                            self.diags.push(Diagnostic::new(
                                self.loc(id),
                                format!("`for` ranges need integer bounds, found `{p}`"),
                            ));
                        }
                    } else if let Some(c) = self.concrete(&t) {
                        self.diags.push(Diagnostic::new(
                            self.loc(id),
                            format!("`for` ranges need integer bounds, found `{c}`"),
                        ));
                    }
                }
                Deferred::PanicArg(id, t) => {
                    if self.prim_or_skip(&t).is_some() {
                        continue;
                    }
                    if let Some(c) = self.concrete(&t) {
                        self.diags.push(
                            Diagnostic::new(
                                self.loc(id),
                                format!("`{c}` cannot be formatted in a jit panic message"),
                            )
                            .note("note: panic messages in jit code format numbers and `bool`"),
                        );
                    }
                }
            }
        }
    }

    /// The primitive behind `t`, or `None` if it is not (yet) a primitive.
    /// `(a..b).step_by(k).rev()` counts down from the last element, which std finds from
    /// the range's length as a `usize`: rustc accepts it only for ranges that know it.
    fn check_exact_size_range(&mut self, id: ExprId, t: &Ty) {
        let ExprKind::ForRange {
            inclusive,
            order: RangeOrder::DownFromLastStep(rev),
            ..
        } = self.ir.expr(id).kind
        else {
            return;
        };
        let Some(p) = self.prim_or_skip(t).filter(|p| p.is_int()) else {
            return;
        };
        if p.has_exact_size_range(inclusive) {
            return;
        }
        let range = if inclusive { "RangeInclusive" } else { "Range" };
        let exact: Vec<String> = PrimTy::ALL
            .into_iter()
            .filter(|q| q.is_int() && q.has_exact_size_range(inclusive))
            .map(|q| format!("`{q}`"))
            .collect();
        self.diags.push(
            Diagnostic::new(
                rev,
                format!(
                    "the trait bound `std::ops::{range}<{p}>: ExactSizeIterator` is not satisfied"
                ),
            )
            .note(format!(
                "note: required for `StepBy<std::ops::{range}<{p}>>` to implement `DoubleEndedIterator`, which `.rev()` needs"
            ))
            .note(format!(
                "help: `ExactSizeIterator` is implemented for `{range}`s of {}",
                exact.join(", ")
            )),
        );
    }

    fn prim_or_skip(&self, t: &Ty) -> Option<PrimTy> {
        match self.resolve(t) {
            Ty::Prim(p) => Some(p),
            _ => None,
        }
    }

    fn check_int_literals(&mut self) {
        for (id, v, t) in std::mem::take(&mut self.int_lits) {
            let Some(p) = self.prim_or_skip(&t) else {
                continue;
            };
            if let Some((lo, hi)) = p.int_range()
                && (v < lo || v > hi)
            {
                self.diags.push(
                    Diagnostic::new(self.loc(id), format!("literal out of range for `{p}`")).note(
                        format!("note: the literal `{v}` does not fit into `{p}` ({lo}..={hi})"),
                    ),
                );
            }
        }
    }

    fn finish(mut self) -> Result<Typed, Vec<Diagnostic>> {
        if let Some(d) = self.type_limit_error() {
            return Err(vec![d]);
        }
        let mut expr_types = Vec::with_capacity(self.expr_types.len());
        let mut reported = false;
        for (i, t) in self.expr_types.iter().enumerate() {
            match self.concrete(t) {
                Some(c) => expr_types.push(c),
                // Never reached by the walk (an expression the lowering built and dropped).
                None if *t == Ty::Unknown => expr_types.push(Type::Unit),
                None => {
                    if !reported {
                        self.diags.push(
                            Diagnostic::new(self.ir.exprs[i].loc, "type annotations needed")
                                .note("help: give the value a type, e.g. `let x: f64 = ...`"),
                        );
                        reported = true;
                    }
                    expr_types.push(Type::Unit);
                }
            }
        }
        let mut local_types = Vec::with_capacity(self.local_types.len());
        for (i, t) in self.local_types.iter().enumerate() {
            match t.as_ref().and_then(|t| self.concrete(t)) {
                Some(c) => local_types.push(c),
                None => {
                    // A local that is declared but never reached (dead code) or never given a type.
                    if t.is_some() && !reported {
                        self.diags.push(
                            Diagnostic::new(self.ir.locals[i].loc, "type annotations needed").note(
                                format!(
                                    "help: give `{}` a type, e.g. `let {}: f64 = ...`",
                                    self.ir.locals[i].name, self.ir.locals[i].name
                                ),
                            ),
                        );
                        reported = true;
                    }
                    local_types.push(Type::Unit);
                }
            }
        }
        let mut call_type_args = HashMap::new();
        for (id, vars) in &self.call_vars {
            let mut args = Vec::new();
            for v in vars {
                match self.concrete(v) {
                    Some(c) => args.push(c),
                    None => {
                        if !reported {
                            self.diags.push(
                                Diagnostic::new(
                                    self.ir.exprs[id.index()].loc,
                                    "type annotations needed",
                                )
                                .note("note: cannot infer the generic arguments of this call"),
                            );
                            reported = true;
                        }
                        args.push(Type::Unit);
                    }
                }
            }
            call_type_args.insert(*id, args);
        }
        if !self.diags.is_empty() {
            return Err(self.diags);
        }
        let ret = self.concrete(&self.ret).expect("return type is concrete");
        let params = self
            .ir
            .params
            .iter()
            .map(|p| local_types[p.local.index()].clone())
            .collect();
        Ok(Typed {
            expr_types,
            local_types,
            call_type_args,
            methods: self.methods,
            class_calls: self.class_calls,
            class_ops: self.class_ops,
            field_index: self.field_index,
            literal_fields: self.literal_fields,
            opaque_equalities: self.opaque_equalities,
            ret,
            params,
        })
    }
}
