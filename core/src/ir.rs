//! The IR of one `#[jit]` function: a typed-later expression tree in an arena.
//!
//! Produced by `lower` at macro time, serialised into the user's crate with postcard,
//! decoded by the runtime at the first call. Entities are small ids into per-function
//! arenas (cranelift style): `ExprId` into `FnIr::exprs`, `LocalId` into `FnIr::locals`,
//! `RefId` into `FnIr::refs` (items resolved by rustc in the generated glue), `LocId`
//! into the source-location table that the glue emits with `line!()`/`column!()`.
//!
//! Invariants (checked by `FnIr::validate` in debug builds and tests):
//! - every id is in range of its arena;
//! - `Break`/`Continue` targets are `Loop`/`While`/`ForRange` expressions that enclose them;
//! - a `Local` expression's local is declared (by a param, a `let` or a `for`) before use;
//! - it keeps within the limits of `crate::limits` (nesting, type sizes).

use crate::types::{PrimTy, Type};
use serde::{Deserialize, Serialize};

macro_rules! entity {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
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
    /// A `#[jitclass]` type named by the function (in its signature or body) in
    /// `FnIr::classes`; the glue resolves it to the class's descriptor.
    ClassRefId
);

/// One `#[jit]` function.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FnIr {
    pub name: String,
    /// Generic type parameter names, in declaration order; `TypeExpr::Generic(i)` refers here.
    pub generics: Vec<String>,
    pub params: Vec<Param>,
    pub ret: TypeExpr,
    pub ret_loc: LocId,
    pub loc: LocId,
    pub body: ExprId,
    pub exprs: Vec<Expr>,
    pub locals: Vec<LocalDecl>,
    pub refs: Vec<ItemRef>,
    /// Class types named by the function, as written (`Self` resolved to the impl's
    /// type); `TypeExpr::Class` refers here.
    pub classes: Vec<String>,
    /// For a method of a `#[jitclass]` impl: how it takes `self` (the first parameter).
    pub receiver: Option<Receiver>,
    /// The Rust types inside the `PassThru<T>`s the function names, as written;
    /// `TypeExpr::PassThru` refers here.
    pub opaques: Vec<String>,
    /// How many `objmode!` blocks the body has; `ExprKind::ObjMode::index` < this.
    pub objmodes: u32,
    /// A C function declared in a `#[jit] extern "C"` block: only the signature is
    /// meaningful (the body is `()`), and calls go to the symbol.
    pub foreign: Option<ForeignFn>,
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
    pub name: String,
    pub fields: Vec<FieldIr>,
    /// Class types named by field types, as written; `TypeExpr::Class` refers here.
    pub classes: Vec<String>,
    /// The Rust types of `PassThru<T>` fields, as written; `TypeExpr::PassThru` refers here.
    pub opaques: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FieldIr {
    pub name: String,
    pub ty: TypeExpr,
}

impl ClassIr {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("IR serialisation cannot fail")
    }

    pub fn decode(bytes: &[u8]) -> Result<ClassIr, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Param {
    pub local: LocalId,
    pub ty: TypeExpr,
    pub loc: LocId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LocalDecl {
    pub name: String,
    pub mutable: bool,
    pub loc: LocId,
}

/// An item the body refers to by path; the glue resolves `path` with rustc.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ItemRef {
    /// The path as written, for messages (`helpers::norm`).
    pub path: String,
    pub loc: LocId,
    /// Whether the reference is inside an `unsafe` block (calling a C function needs one).
    pub in_unsafe: bool,
}

/// A type as written in the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Decoded through `limits::decode_nested` (the impls below), so that a corrupt IR cannot
// nest types deeper than the native stack allows.
#[serde(remote = "Self")]
pub enum TypeExpr {
    Prim(PrimTy),
    Unit,
    Tuple(Vec<TypeExpr>),
    Slice {
        elem: Box<TypeExpr>,
        mutable: bool,
    },
    /// A generic parameter of the function, by index into `FnIr::generics`.
    Generic(u32),
    Option(Box<TypeExpr>),
    /// A `#[jitclass]` type (also `Self` inside an impl), by index into `FnIr::classes`.
    Class(ClassRefId),
    /// `PassThru<T>`, by index into `FnIr::opaques` (or `ClassIr::opaques`).
    PassThru(OpaqueRefId),
    /// `*mut T` / `*const T`.
    Ptr {
        pointee: Box<TypeExpr>,
        mutable: bool,
    },
    /// `&T` / `&mut T`: only as the return type of `Index::index` / `IndexMut::index_mut`.
    Ref {
        inner: Box<TypeExpr>,
        mutable: bool,
    },
    /// `extern "C" fn(A..) -> R`: C scalars in and out.
    FnPtr {
        params: Vec<TypeExpr>,
        ret: Box<TypeExpr>,
    },
    /// An already resolved type: how the runtime hands a callee's signature, whose class
    /// references belong to the callee, to the caller's inference. Never serialised.
    #[serde(skip)]
    Concrete(Type),
    /// `_` in a `let` annotation or a cast target: inferred.
    Infer,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: LocId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ExprKind {
    Lit(Lit),
    Local(LocalId),
    Unary(UnOp, ExprId),
    Binary(BinOp, ExprId, ExprId),
    /// `place = value`.
    Assign(ExprId, ExprId),
    /// `place op= value`.
    CompoundAssign(BinOp, ExprId, ExprId),
    Cast(ExprId, TypeExpr),
    Block(Block),
    If {
        cond: ExprId,
        then_branch: ExprId,
        else_branch: Option<ExprId>,
    },
    While {
        cond: ExprId,
        body: ExprId,
    },
    Loop {
        body: ExprId,
    },
    /// `for var in start..end` (`..=end` if `inclusive`), also with `.step_by(step)` and
    /// `.rev()` (`order`). Evaluates `start`, `end`, then `step` (a `usize`, never 0).
    ForRange {
        var: LocalId,
        start: ExprId,
        end: ExprId,
        inclusive: bool,
        step: Option<ExprId>,
        order: RangeOrder,
        body: ExprId,
    },
    /// `break 'label value`; `target` is the loop expression it leaves.
    Break {
        target: ExprId,
        value: Option<ExprId>,
    },
    Continue {
        target: ExprId,
    },
    Return(Option<ExprId>),
    Tuple(Vec<ExprId>),
    TupleField(ExprId, u32),
    Index(ExprId, ExprId),
    Call {
        callee: RefId,
        args: Vec<ExprId>,
    },
    /// `f(args)` where `f` is a value of a function pointer type (a local, a field, a
    /// tuple element): a C call through the pointer.
    CallIndirect {
        callee: ExprId,
        args: Vec<ExprId>,
    },
    /// A jit fn (or a declared C function) named as a value: its C entry point, of type
    /// `extern "C" fn(..) -> ..`.
    FnRef(RefId),
    /// `for var in iterable { body }` over the elements of a tuple whose elements share
    /// one type, or of a slice.
    ForEach {
        var: LocalId,
        iterable: ExprId,
        body: ExprId,
    },
    MethodCall {
        receiver: ExprId,
        method: String,
        args: Vec<ExprId>,
    },
    /// `base.name`: a field (or `#[getter]` property) of a class instance.
    Field(ExprId, String),
    /// `Class { name: value, .. }`: allocates a new instance.
    StructLit {
        class: ClassRefId,
        fields: Vec<(String, ExprId)>,
    },
    /// `&self.field` / `&mut self.field`: only in `Index::index` / `IndexMut::index_mut`,
    /// whose result is the address of a place in `self`'s payload.
    AddrOf {
        place: ExprId,
        mutable: bool,
    },
    /// `objmode!(|a: A, b: B| -> R { rust })`: a call of block `index` (compiled by
    /// rustc in the glue) with the values of the jit locals `args`, converted to the
    /// declared input types; its value has the declared output type.
    ObjMode {
        index: u32,
        args: Vec<ExprId>,
        inputs: Vec<TypeExpr>,
        output: TypeExpr,
    },
    /// `sizeof::<T>()`, `unsafe_cast::<T>(ptr)`, ...: the memory-control functions of
    /// `jitclass`, with their type argument.
    Intrinsic {
        which: Intrinsic,
        ty: TypeExpr,
        args: Vec<ExprId>,
    },
    /// `Class::name(args)`: a constructor, static method, or a method called with the
    /// receiver as first argument.
    AssocCall {
        class: ClassRefId,
        name: String,
        args: Vec<ExprId>,
    },
    /// `panic!(..)`, and the failing branch of `assert!(..)`.
    Panic(PanicMessage),
    /// `Some(value)`.
    Some(ExprId),
    /// `None`.
    None,
    /// `if let Some(pattern) = scrutinee { then } else { else }`; also what `match` on an
    /// `Option` and `while let` lower to. `pattern` binds the contents of the `Some`.
    IfLetSome {
        pattern: Pattern,
        scrutinee: ExprId,
        then_branch: ExprId,
        else_branch: Option<ExprId>,
    },
}

/// The order in which a `for` range yields its elements. With a step `k`, the elements
/// are those of the range `k` apart, starting at the end the order names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RangeOrder {
    /// `a..b`, `(a..b).step_by(k)`: `a`, `a + k`, ... up to the end.
    Up,
    /// `(a..b).rev()`, `(a..b).rev().step_by(k)`: the last element, then `k` less each
    /// time, down to `a`.
    Down,
    /// `(a..b).step_by(k).rev()`: the elements of `(a..b).step_by(k)` from its last down.
    /// Rust allows it only where the range's length is a `usize` (`ExactSizeIterator`);
    /// the location is the `rev` token's, where an error about that points.
    DownFromLastStep(LocId),
}

/// The memory-control functions jit code calls like `jitclass`'s Rust functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Intrinsic {
    /// `sizeof::<T>()`: the size of `T`'s payload (of `T` itself for a primitive).
    SizeOf,
    /// `alignof::<T>()`.
    AlignOf,
    /// `unsafe { unsafe_cast::<T>(ptr) }`: an unmanaged instance over `ptr`.
    UnsafeCast,
    /// `unsafe { construct_at::<T>(ptr, value) }`: `value`'s payload copied to `ptr`.
    ConstructAt,
    /// `unsafe { destroy_at::<T>(ptr) }`: releases the members of the payload at `ptr`.
    DestroyAt,
}

impl Intrinsic {
    pub fn name(self) -> &'static str {
        match self {
            Intrinsic::SizeOf => "sizeof",
            Intrinsic::AlignOf => "alignof",
            Intrinsic::UnsafeCast => "unsafe_cast",
            Intrinsic::ConstructAt => "construct_at",
            Intrinsic::DestroyAt => "destroy_at",
        }
    }

    pub fn from_name(name: &str) -> Option<Intrinsic> {
        [
            Intrinsic::SizeOf,
            Intrinsic::AlignOf,
            Intrinsic::UnsafeCast,
            Intrinsic::ConstructAt,
            Intrinsic::DestroyAt,
        ]
        .into_iter()
        .find(|i| i.name() == name)
    }

    /// Whether calling it needs an `unsafe` block.
    pub fn is_unsafe(self) -> bool {
        !matches!(self, Intrinsic::SizeOf | Intrinsic::AlignOf)
    }

    /// The bound jitclass's Rust function of the same name puts on its type parameter
    /// (`sizeof<T: JitLayout>`): what a generic parameter used as the type argument must
    /// satisfy, as in Rust.
    pub fn rust_bound(self) -> &'static str {
        match self {
            Intrinsic::SizeOf | Intrinsic::AlignOf => "JitLayout",
            Intrinsic::UnsafeCast | Intrinsic::ConstructAt | Intrinsic::DestroyAt => "JitClass",
        }
    }

    /// How many arguments it takes.
    pub fn arity(self) -> usize {
        match self {
            Intrinsic::SizeOf | Intrinsic::AlignOf => 0,
            Intrinsic::UnsafeCast | Intrinsic::DestroyAt => 1,
            Intrinsic::ConstructAt => 2,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub tail: Option<ExprId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Stmt {
    Let {
        pattern: Pattern,
        ty: Option<TypeExpr>,
        init: Option<ExprId>,
        loc: LocId,
    },
    /// An expression statement (with or without `;`).
    Expr(ExprId),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
// Decoded through `limits::decode_nested`, as `TypeExpr`.
#[serde(remote = "Self")]
pub enum Pattern {
    Bind(LocalId),
    Wild,
    Tuple(Vec<Pattern>),
}

/// Serialised as derived (`remote = "Self"` names the derived code `TypeExpr::serialize`
/// and `TypeExpr::deserialize`); decoding counts the nesting.
impl Serialize for TypeExpr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TypeExpr::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for TypeExpr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::limits::decode_nested(deserializer, TypeExpr::deserialize)
    }
}

impl Serialize for Pattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Pattern::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::limits::decode_nested(deserializer, Pattern::deserialize)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Lit {
    /// An integer literal with its optional suffix; negation of a literal is folded in.
    Int(i128, Option<PrimTy>),
    Float(FloatLit, Option<PrimTy>),
    Bool(bool),
    Unit,
}

/// A float literal at both widths, each rounded once from the source text: an `f32`
/// literal rounded through `f64` first can differ from Rust's in the last bit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FloatLit {
    pub f64: f64,
    pub f32: f32,
}

impl FloatLit {
    pub fn new(f64: f64, f32: f32) -> FloatLit {
        FloatLit { f64, f32 }
    }

    pub fn negated(self) -> FloatLit {
        FloatLit {
            f64: -self.f64,
            f32: -self.f32,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::And => "&&",
            BinOp::Or => "||",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }

    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr)
    }
}

/// A panic message: literal pieces interleaved with `{}` / `{:?}` arguments.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PanicMessage {
    /// `pieces.len() == args.len() + 1`.
    pub pieces: Vec<String>,
    pub args: Vec<ExprId>,
    /// Per argument: formatted with `{:?}` (true) or `{}` (false).
    pub debug: Vec<bool>,
}

impl FnIr {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }

    pub fn local(&self, id: LocalId) -> &LocalDecl {
        &self.locals[id.index()]
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("IR serialisation cannot fail")
    }

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

    /// Checks the arena invariants listed in the module docs.
    pub fn validate(&self) -> Result<(), String> {
        let n_exprs = self.exprs.len() as u32;
        let n_locals = self.locals.len() as u32;
        let check_expr = |id: ExprId| {
            if id.0 < n_exprs {
                Ok(())
            } else {
                Err(format!("expression id {} out of range", id.0))
            }
        };
        let check_local = |id: LocalId| {
            if id.0 < n_locals {
                Ok(())
            } else {
                Err(format!("local id {} out of range", id.0))
            }
        };
        let n_generics = self.generics.len() as u32;
        let n_classes = self.classes.len() as u32;
        let check_type = |t: &TypeExpr| {
            if t.max_generic().is_some_and(|g| g >= n_generics) {
                Err("generic parameter index out of range".to_string())
            } else if t.max_class().is_some_and(|c| c >= n_classes) {
                Err("class ref id out of range".to_string())
            } else if t
                .max_of(&|t| match t {
                    TypeExpr::PassThru(o) => Some(o.0),
                    _ => None,
                })
                .is_some_and(|o| o as usize >= self.opaques.len())
            {
                Err("opaque type ref id out of range".to_string())
            } else if t.has_concrete() {
                Err("a resolved type in serialised IR".to_string())
            } else {
                Ok(())
            }
        };
        if self.receiver.is_some() && self.params.is_empty() {
            return Err("a method without its `self` parameter".to_string());
        }
        check_expr(self.body)?;
        check_type(&self.ret)?;
        for p in &self.params {
            check_local(p.local)?;
            check_type(&p.ty)?;
        }
        for (i, e) in self.exprs.iter().enumerate() {
            let mut children = Vec::new();
            e.kind.for_each_child(|c| children.push(c));
            for c in children {
                check_expr(c)?;
            }
            match &e.kind {
                ExprKind::Local(l)
                | ExprKind::ForRange { var: l, .. }
                | ExprKind::ForEach { var: l, .. } => check_local(*l)?,
                ExprKind::Cast(_, t) | ExprKind::Intrinsic { ty: t, .. } => check_type(t)?,
                ExprKind::ObjMode {
                    index,
                    inputs,
                    output,
                    args,
                } => {
                    if *index >= self.objmodes || inputs.len() != args.len() {
                        return Err(format!(
                            "objmode block in expr {i} does not match its inputs"
                        ));
                    }
                    for t in inputs.iter().chain(std::iter::once(output)) {
                        check_type(t)?;
                    }
                }
                ExprKind::Block(b) => {
                    for stmt in &b.stmts {
                        if let Stmt::Let { ty: Some(t), .. } = stmt {
                            check_type(t)?;
                        }
                    }
                }
                ExprKind::Break { target, .. } | ExprKind::Continue { target } => {
                    let t = &self.exprs[target.index()];
                    if !matches!(
                        t.kind,
                        ExprKind::Loop { .. }
                            | ExprKind::While { .. }
                            | ExprKind::ForRange { .. }
                            | ExprKind::ForEach { .. }
                    ) {
                        return Err(format!("break/continue in expr {i} does not target a loop"));
                    }
                }
                ExprKind::Call { callee, .. } | ExprKind::FnRef(callee)
                    if callee.index() >= self.refs.len() =>
                {
                    return Err(format!("ref id {} out of range", callee.0));
                }
                ExprKind::StructLit { class, .. } | ExprKind::AssocCall { class, .. }
                    if class.index() >= self.classes.len() =>
                {
                    return Err(format!("class ref id {} out of range", class.0));
                }
                _ => {}
            }
        }
        crate::limits::check_fn(self).map_err(|d| d.full_message())
    }
}

impl TypeExpr {
    /// The largest generic parameter index this type mentions.
    pub fn max_generic(&self) -> Option<u32> {
        self.max_of(&|t| match t {
            TypeExpr::Generic(i) => Some(*i),
            _ => None,
        })
    }

    /// The largest class ref index this type mentions.
    pub fn max_class(&self) -> Option<u32> {
        self.max_of(&|t| match t {
            TypeExpr::Class(c) => Some(c.0),
            _ => None,
        })
    }

    fn has_concrete(&self) -> bool {
        self.max_of(&|t| matches!(t, TypeExpr::Concrete(_)).then_some(0))
            .is_some()
    }

    fn max_of(&self, leaf: &dyn Fn(&TypeExpr) -> Option<u32>) -> Option<u32> {
        match self {
            TypeExpr::Tuple(es) => es.iter().filter_map(|e| e.max_of(leaf)).max(),
            TypeExpr::FnPtr { params, ret } => params
                .iter()
                .chain(std::iter::once(&**ret))
                .filter_map(|e| e.max_of(leaf))
                .max(),
            TypeExpr::Slice { elem, .. }
            | TypeExpr::Option(elem)
            | TypeExpr::Ref { inner: elem, .. }
            | TypeExpr::Ptr { pointee: elem, .. } => elem.max_of(leaf),
            other => leaf(other),
        }
    }

    /// Replaces every reference to a named type (`Class`, `PassThru`) by what `resolve`
    /// makes of it (`None`: kept).
    pub fn map_refs(&self, resolve: &mut dyn FnMut(&TypeExpr) -> Option<TypeExpr>) -> TypeExpr {
        if let Some(t) = resolve(self) {
            return t;
        }
        match self {
            TypeExpr::Tuple(es) => {
                TypeExpr::Tuple(es.iter().map(|e| e.map_refs(resolve)).collect())
            }
            TypeExpr::Slice { elem, mutable } => TypeExpr::Slice {
                elem: Box::new(elem.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::Option(inner) => TypeExpr::Option(Box::new(inner.map_refs(resolve))),
            TypeExpr::Ref { inner, mutable } => TypeExpr::Ref {
                inner: Box::new(inner.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::Ptr { pointee, mutable } => TypeExpr::Ptr {
                pointee: Box::new(pointee.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::FnPtr { params, ret } => TypeExpr::FnPtr {
                params: params.iter().map(|p| p.map_refs(resolve)).collect(),
                ret: Box::new(ret.map_refs(resolve)),
            },
            other => other.clone(),
        }
    }
}

impl ExprKind {
    /// Calls `f` on every direct child expression, in evaluation order.
    pub fn for_each_child(&self, mut f: impl FnMut(ExprId)) {
        match self {
            ExprKind::Lit(_)
            | ExprKind::Local(_)
            | ExprKind::Continue { .. }
            | ExprKind::None
            | ExprKind::FnRef(_) => {}
            ExprKind::CallIndirect { callee, args } => {
                f(*callee);
                args.iter().copied().for_each(f);
            }
            ExprKind::ForEach { iterable, body, .. } => {
                f(*iterable);
                f(*body);
            }
            ExprKind::Some(e) => f(*e),
            ExprKind::IfLetSome {
                scrutinee,
                then_branch,
                else_branch,
                ..
            } => {
                f(*scrutinee);
                f(*then_branch);
                if let Some(e) = else_branch {
                    f(*e)
                }
            }
            ExprKind::Unary(_, e) | ExprKind::Cast(e, _) | ExprKind::TupleField(e, _) => f(*e),
            ExprKind::Binary(_, a, b)
            | ExprKind::Assign(a, b)
            | ExprKind::CompoundAssign(_, a, b)
            | ExprKind::Index(a, b)
            | ExprKind::While { cond: a, body: b } => {
                f(*a);
                f(*b);
            }
            ExprKind::Block(block) => {
                for s in &block.stmts {
                    match s {
                        Stmt::Let { init, .. } => {
                            if let Some(i) = init {
                                f(*i)
                            }
                        }
                        Stmt::Expr(e) => f(*e),
                    }
                }
                if let Some(t) = block.tail {
                    f(t)
                }
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                f(*cond);
                f(*then_branch);
                if let Some(e) = else_branch {
                    f(*e)
                }
            }
            ExprKind::Loop { body } => f(*body),
            ExprKind::ForRange {
                start,
                end,
                step,
                body,
                ..
            } => {
                f(*start);
                f(*end);
                if let Some(k) = step {
                    f(*k);
                }
                f(*body);
            }
            ExprKind::Break { value, .. } | ExprKind::Return(value) => {
                if let Some(v) = value {
                    f(*v)
                }
            }
            ExprKind::Tuple(es) => es.iter().copied().for_each(f),
            ExprKind::Call { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::Intrinsic { args, .. }
            | ExprKind::ObjMode { args, .. } => args.iter().copied().for_each(f),
            ExprKind::Field(base, _) | ExprKind::AddrOf { place: base, .. } => f(*base),
            ExprKind::StructLit { fields, .. } => fields.iter().for_each(|(_, e)| f(*e)),
            ExprKind::MethodCall { receiver, args, .. } => {
                f(*receiver);
                args.iter().copied().for_each(f);
            }
            ExprKind::Panic(msg) => msg.args.iter().copied().for_each(f),
        }
    }
}
