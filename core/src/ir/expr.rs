//! Expressions of the IR: `ExprKind` and what it is made of (statements, patterns,
//! literals, operators, panic messages, range orders, intrinsics).

use super::{ClassRefId, ExprId, LocId, LocalId, RefId, TypeExpr};
use crate::types::PrimTy;
use serde::{Deserialize, Serialize};

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
