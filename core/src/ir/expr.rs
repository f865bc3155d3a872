//! Expressions of the IR: `ExprKind` and what it is made of (statements, patterns,
//! literals, operators, panic messages, range orders, intrinsics).

use super::{ArrayLen, ClassRefId, ConstId, ExprId, LocId, LocalId, RefId, TraitRefId, TypeExpr};
use crate::types::PrimTy;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
/// An expression node: what it is, and where it is in the source.
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Its source location (messages point there).
    pub loc: LocId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
/// The kinds of expressions. Sub-expressions are `ExprId`s into `FnIr::exprs`.
pub enum ExprKind {
    /// A literal.
    Lit(Lit),
    /// The value of a constant rustc evaluates (`FnIr::consts`): a local `const` item or
    /// a path to a constant defined outside; a literal once the runtime resolves it.
    Const(ConstId),
    /// A read of a local variable (or a parameter).
    Local(LocalId),
    /// `op operand`.
    Unary(UnOp, ExprId),
    /// `lhs op rhs`, including the lazy `&&` and `||`.
    Binary(BinOp, ExprId, ExprId),
    /// `place = value`.
    Assign(ExprId, ExprId),
    /// `place op= value`.
    CompoundAssign(BinOp, ExprId, ExprId),
    /// `value as T`.
    Cast(ExprId, TypeExpr),
    /// `{ stmts; tail }`.
    Block(Block),
    /// `if cond { then_branch } else { else_branch }`.
    If {
        /// The condition, a `bool`.
        cond: ExprId,
        /// The block run when the condition holds.
        then_branch: ExprId,
        /// The `else` block or `else if` expression, if any.
        else_branch: Option<ExprId>,
    },
    /// `while cond { body }`.
    While {
        /// The condition, tested before each iteration.
        cond: ExprId,
        /// The loop body.
        body: ExprId,
    },
    /// `loop { body }`.
    Loop {
        /// The loop body.
        body: ExprId,
    },
    /// `for var in start..end` (`..=end` if `inclusive`), also with `.step_by(step)` and
    /// `.rev()` (`order`). Evaluates `start`, `end`, then `step` (a `usize`, never 0).
    ForRange {
        /// The loop variable.
        var: LocalId,
        /// The range's start.
        start: ExprId,
        /// The range's end.
        end: ExprId,
        /// `..=` rather than `..`.
        inclusive: bool,
        /// The argument of `.step_by(..)`, if any.
        step: Option<ExprId>,
        /// The order of the elements (`.rev()` and where it is).
        order: RangeOrder,
        /// The loop body.
        body: ExprId,
    },
    /// `break 'label value`; `target` is the loop expression it leaves.
    Break {
        /// The loop expression left.
        target: ExprId,
        /// The value the `loop` takes, if any.
        value: Option<ExprId>,
    },
    /// `continue 'label`; `target` is the loop expression it continues.
    Continue {
        /// The loop expression continued.
        target: ExprId,
    },
    /// `return value` (`None`: `return`).
    Return(Option<ExprId>),
    /// `(a, b, ..)`.
    Tuple(Vec<ExprId>),
    /// `tuple.N`.
    TupleField(ExprId, u32),
    /// `base[index]`: a slice element, or `Index::index` of a class.
    Index(ExprId, ExprId),
    /// `f(args)` of a jit fn or a declared C function, by reference.
    Call {
        /// The called item.
        callee: RefId,
        /// The arguments, in order.
        args: Vec<ExprId>,
    },
    /// `f(args)` where `f` is a value of a function pointer type (a local, a field, a
    /// tuple element): a C call through the pointer.
    CallIndirect {
        /// The function pointer value.
        callee: ExprId,
        /// The arguments, in order.
        args: Vec<ExprId>,
    },
    /// A jit fn (or a declared C function) named as a value: its C entry point, of type
    /// `extern "C" fn(..) -> ..`.
    FnRef(RefId),
    /// `for var in iterable { body }` over the elements of a tuple whose elements share
    /// one type, or of a slice.
    ForEach {
        /// The loop variable, bound to each element in turn.
        var: LocalId,
        /// The tuple or slice.
        iterable: ExprId,
        /// The loop body.
        body: ExprId,
    },
    /// `receiver.method(args)`: a builtin method, or a method of a class instance.
    MethodCall {
        /// The value before the `.`.
        receiver: ExprId,
        /// The method's name.
        method: String,
        /// The arguments after the receiver, in order.
        args: Vec<ExprId>,
    },
    /// `base.name`: a field (or `#[getter]` property) of a class instance.
    Field(ExprId, String),
    /// `Class { name: value, .. }`: allocates a new instance.
    StructLit {
        /// The class constructed.
        class: ClassRefId,
        /// The written fields with their values, in source order.
        fields: Vec<(String, ExprId)>,
    },
    /// `&self.field` / `&mut self.field`: only in `Index::index` / `IndexMut::index_mut`,
    /// whose result is the address of a place in `self`'s payload.
    AddrOf {
        /// The field expression whose address is taken.
        place: ExprId,
        /// `&mut` rather than `&`.
        mutable: bool,
    },
    /// `objmode!(|a: A, b: B| -> R { rust })`: a call of block `index` (compiled by
    /// rustc in the glue) with the values of the jit locals `args`, converted to the
    /// declared input types; its value has the declared output type.
    ObjMode {
        /// The block's index among the function's `objmode!` blocks.
        index: u32,
        /// The jit locals passed in, one per input.
        args: Vec<ExprId>,
        /// The declared types of the inputs.
        inputs: Vec<TypeExpr>,
        /// The declared output type.
        output: TypeExpr,
    },
    /// `sizeof::<T>()`, `unsafe_cast::<T>(ptr)`, ...: the memory-control functions of
    /// `jitclass`, with their type argument.
    Intrinsic {
        /// Which function.
        which: Intrinsic,
        /// The type argument `T`.
        ty: TypeExpr,
        /// The value arguments, in order.
        args: Vec<ExprId>,
    },
    /// `Class::name(args)`: a constructor, static method, or a method called with the
    /// receiver as first argument.
    AssocCall {
        /// The class named before `::`.
        class: ClassRefId,
        /// The function's name.
        name: String,
        /// The arguments, in order.
        args: Vec<ExprId>,
    },
    /// `T::default()`, `<T as Default>::default()`, `Default::default()`: the default
    /// value of the written type (`TypeExpr::Infer` for `Default::default()`, whose type
    /// comes from the context): zero, `false`, `None`, an empty `Vec`, `String` or map,
    /// a tuple of defaults, or a class's `default()` (a `Resolution::ClassCall`).
    DefaultOf(TypeExpr),
    /// A function of a `#[jit] trait` called by path: `Shape::area(&c)`,
    /// `<Circle as Shape>::unit()`, `S::area(s)` (the traits of `S`'s bounds).
    TraitCall {
        /// The class named in `<C as Trait>::f`; otherwise the class of the first
        /// argument (the receiver) is the implementing type.
        class: Option<ClassRefId>,
        /// The type parameter (by index into `FnIr::generics`) named before `::` in
        /// `S::unit()` / `<S as Shape>::unit()`: the implementing type is its type
        /// argument in the specialisation being compiled, whatever the arguments are.
        param: Option<u32>,
        /// The traits whose function it is (several: the bounds of a generic parameter).
        traits: Vec<TraitRefId>,
        /// The function's name.
        name: String,
        /// The arguments, in order (the receiver first for a method).
        args: Vec<ExprId>,
    },
    /// `&base[start..end]` / `&mut base[..]` of a `Vec` or a slice, as a call's argument:
    /// a slice lent to the call.
    SubSlice {
        /// The `Vec` or slice.
        base: ExprId,
        /// The start (`None`: 0).
        start: Option<ExprId>,
        /// The end (`None`: the length).
        end: Option<ExprId>,
        /// `..=end`.
        inclusive: bool,
        /// `&mut`.
        mutable: bool,
    },
    /// An array literal: `[a, b, c]` or `[value; N]`.
    Array(ArrayInit),
    /// A new `Vec`: `Vec::new()`, `Vec::with_capacity(n)`, `vec![x; n]`, `vec![a, b]`.
    VecNew {
        /// The element type as written (`Vec::<f64>::new()`), else `Infer`.
        elem: TypeExpr,
        /// Its contents.
        init: VecInit,
    },
    /// `panic!(..)`, and the failing branch of `assert!(..)`.
    Panic(PanicMessage),
    /// `Some(value)`.
    Some(ExprId),
    /// `Box::new(value)`: in jit code `Box` holds only trait objects, so its value is a
    /// class instance and the expression's type is a `Box<dyn Trait>` the class implements
    /// (inference checks that; `Type::Dyn` with `DynPointer::Box`).
    BoxNew(ExprId),
    /// `None`.
    None,
    /// `if let Some(pattern) = scrutinee { then } else { else }`; also what `match` on an
    /// `Option` and `while let` lower to. `pattern` binds the contents of the `Some`.
    IfLetSome {
        /// The pattern inside `Some(..)`.
        pattern: Pattern,
        /// The `Option` tested.
        scrutinee: ExprId,
        /// The block run for `Some`.
        then_branch: ExprId,
        /// The block run for `None`, if any.
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
    /// The function's name in `jitclass` (`"sizeof"`).
    pub fn name(self) -> &'static str {
        match self {
            Intrinsic::SizeOf => "sizeof",
            Intrinsic::AlignOf => "alignof",
            Intrinsic::UnsafeCast => "unsafe_cast",
            Intrinsic::ConstructAt => "construct_at",
            Intrinsic::DestroyAt => "destroy_at",
        }
    }

    /// The intrinsic called `name`, if any.
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
/// A block: statements, then an optional tail expression (its value).
pub struct Block {
    /// The statements, in order.
    pub stmts: Vec<Stmt>,
    /// The expression without `;` at the end, whose value the block has (`()` if `None`).
    pub tail: Option<ExprId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
/// A statement of a block.
pub enum Stmt {
    /// `let pattern: ty = init;` (type and initialiser optional).
    Let {
        /// What the value binds to.
        pattern: Pattern,
        /// The annotated type, if any.
        ty: Option<TypeExpr>,
        /// The initialiser, if any (a `let` without one is assigned later).
        init: Option<ExprId>,
        /// The statement's location.
        loc: LocId,
    },
    /// An expression statement (with or without `;`).
    Expr(ExprId),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
// Decoded through `limits::decode_nested`, as `TypeExpr`.
#[serde(remote = "Self")]
/// A pattern of a `let`, a `for` or an `if let Some(..)`.
pub enum Pattern {
    /// Binds the value to a local.
    Bind(LocalId),
    /// `_`: binds nothing.
    Wild,
    /// `(a, b, ..)`: destructures a tuple.
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
/// A literal.
pub enum Lit {
    /// An integer literal with its optional suffix; negation of a literal is folded in.
    Int(i128, Option<PrimTy>),
    /// A float literal with its optional suffix.
    Float(FloatLit, Option<PrimTy>),
    /// `true` or `false`.
    Bool(bool),
    /// A character literal `'a'` (a byte literal `b'a'` is an `Int` of type `u8`).
    Char(char),
    /// A string literal `"abc"`: a `&str` of the module's constant bytes.
    Str(String),
    /// A byte string literal `b"abc"`: a `&[u8]` of the module's constant bytes.
    ByteStr(Vec<u8>),
    /// `()`.
    Unit,
}

/// A float literal at both widths, each rounded once from the source text: an `f32`
/// literal rounded through `f64` first can differ from Rust's in the last bit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FloatLit {
    /// The literal rounded to `f64`.
    pub f64: f64,
    /// The literal rounded to `f32`.
    pub f32: f32,
    /// The literal as written (`1e400_f64`, without a folded `-`) when it rounds to
    /// infinity at some width, for rustc's "literal out of range" once its type is known;
    /// `None` for a literal that fits both widths and for constants (`f64::INFINITY`).
    pub overflowing_text: Option<String>,
}

impl FloatLit {
    /// A value from its two roundings (a constant, or a literal that fits both widths).
    pub fn new(f64: f64, f32: f32) -> FloatLit {
        FloatLit {
            f64,
            f32,
            overflowing_text: None,
        }
    }

    /// The literal written as `text`, from its two roundings; `text` is kept when a
    /// rounding is infinite.
    pub fn written(f64: f64, f32: f32, text: &str) -> FloatLit {
        let overflows = f64.is_infinite() || f32.is_infinite();
        FloatLit {
            f64,
            f32,
            overflowing_text: overflows.then(|| text.to_string()),
        }
    }

    /// The negated literal (`-1.5`), negating both roundings exactly.
    pub fn negated(self) -> FloatLit {
        FloatLit {
            f64: -self.f64,
            f32: -self.f32,
            overflowing_text: self.overflowing_text,
        }
    }

    /// The literal as written when it does not fit `p` (rounds to infinity), as rustc's
    /// deny-by-default `overflowing_literals` reports it; `None` when it fits.
    pub fn out_of_range_text(&self, p: PrimTy) -> Option<&str> {
        let infinite = match p {
            PrimTy::F32 => self.f32.is_infinite(),
            _ => self.f64.is_infinite(),
        };
        self.overflowing_text.as_deref().filter(|_| infinite)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// A unary operator.
pub enum UnOp {
    /// `-x`.
    Neg,
    /// `!x`: logical for `bool`, bitwise for integers.
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// A binary operator.
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `&&` (lazy)
    And,
    /// `||` (lazy)
    Or,
}

impl BinOp {
    /// The operator as written (`"+"`).
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

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }

    /// `<<`, `>>`.
    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr)
    }
}

/// A panic message: literal pieces interleaved with `{}` / `{:?}` arguments.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PanicMessage {
    /// `pieces.len() == args.len() + 1`.
    pub pieces: Vec<String>,
    /// The formatted arguments, in order.
    pub args: Vec<ExprId>,
    /// Per argument: formatted with `{:?}` (true) or `{}` (false).
    pub debug: Vec<bool>,
}

/// The elements of an array literal (`ExprKind::Array`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ArrayInit {
    /// `[a, b, c]`: these elements, in order.
    List(Vec<ExprId>),
    /// `[value; len]`: `len` copies of `value` (evaluated once, as in Rust).
    Repeat {
        /// The element.
        value: ExprId,
        /// `N`.
        len: ArrayLen,
    },
}

impl ArrayInit {
    /// The operands, in evaluation order.
    pub fn operands(&self) -> Vec<ExprId> {
        match self {
            ArrayInit::List(es) => es.clone(),
            ArrayInit::Repeat { value, .. } => vec![*value],
        }
    }

    /// How many elements the array has.
    pub fn len(&self) -> ArrayLen {
        match self {
            ArrayInit::List(es) => ArrayLen::Lit(es.len() as u64),
            ArrayInit::Repeat { len, .. } => *len,
        }
    }
}

/// How a new `Vec` is filled (`ExprKind::VecNew`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum VecInit {
    /// `Vec::new()`: empty, no buffer.
    Empty,
    /// `Vec::with_capacity(n)`: empty, room for `n` elements.
    WithCapacity(ExprId),
    /// `vec![value; count]`: `count` clones of `value`.
    Repeat {
        /// The element (cloned `count - 1` times, moved into the last slot).
        value: ExprId,
        /// How many.
        count: ExprId,
    },
    /// `vec![a, b, c]`: these elements, in order.
    List(Vec<ExprId>),
}

impl VecInit {
    /// The operands, in evaluation order.
    pub fn operands(&self) -> Vec<ExprId> {
        match self {
            VecInit::Empty => vec![],
            VecInit::WithCapacity(n) => vec![*n],
            VecInit::Repeat { value, count } => vec![*value, *count],
            VecInit::List(es) => es.clone(),
        }
    }
}
