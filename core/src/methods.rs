//! The builtin methods of primitive types and slices that DSL code may call.
//!
//! One table serves type inference (argument and result types) and codegen (which
//! operation to emit), so the two cannot disagree about what exists.

use crate::std_sort::StdSort;
use crate::types::{PrimTy, Type};

mod builtin;

pub use builtin::{Builtin, MethodSig, OptionMethod};

/// Calls `$callback! { method(operands..) = libcall, .. }` with every float method that
/// Rust computes through an LLVM intrinsic backed by a math library (`f64::sin` is
/// `llvm.sin.f64`, which becomes a call of `sin`, or `sinf` for `f32`). Jit code emits the
/// same intrinsic, so LLVM rewrites and folds it as it does in rustc's optimised build
/// (`x.powf(0.5)` becomes a square root in both; a call on constant operands is evaluated
/// at compile time in both), and the runtime maps the library calls that remain to
/// Rust's own implementation (`jitclass::math`), never to the C library's. The one list:
/// this crate's method table and the runtime's mapping are both made from it.
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_libm_intrinsic {
    ($callback:ident) => {
        $callback! {
            exp(x) = exp, exp2(x) = exp2, ln(x) = log, log2(x) = log2, log10(x) = log10,
            sin(x) = sin, cos(x) = cos, powf(x, y) = pow
        }
    };
}

/// Calls `$callback! { method(operands..), .. }` with every other float method whose
/// result depends on a math library's implementation: Rust calls a library function (or
/// its own port of one) for them, so jit code calls the runtime's wrapper of Rust's method,
/// an opaque function LLVM can neither rewrite nor constant-fold with the C library. The
/// one list: this crate's method table and the runtime's wrappers are both made from it.
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_libm_method {
    ($callback:ident) => {
        $callback! {
            exp_m1(x), ln_1p(x), tan(x), asin(x), acos(x), atan(x), sinh(x), cosh(x),
            tanh(x), cbrt(x), atan2(x, y), hypot(x, y)
        }
    };
}

/// The comparison methods a comparator of the sort methods calls: `a.cmp(b)`,
/// `a.total_cmp(b)`, `a.partial_cmp(b).unwrap()` (`lower/sort.rs`). Their names start with
/// a space, so user code cannot call them: their `i8` result stands for an `Ordering`,
/// which is not (yet) a value type of jit code.
pub const ORD_CMP: &str = " cmp";
/// `Ord::cmp` as `sort()`, `sort_unstable()` and `select_nth_unstable(k)` call it: the
/// same method, refused in other words (`T: Ord` not satisfied).
pub const SORT_CMP: &str = " Ord::cmp";
/// See [`ORD_CMP`].
pub const TOTAL_CMP: &str = " total_cmp";
/// `char::from_u32(n)`, which the lowering makes a method of its argument `n` (a name
/// users cannot write, like [`ORD_CMP`]'s).
pub const CHAR_FROM_U32: &str = " char::from_u32";
/// `char::from_digit(n, radix)`, made a method of `n` as [`CHAR_FROM_U32`] is.
pub const CHAR_FROM_DIGIT: &str = " char::from_digit";
/// See [`ORD_CMP`].
pub const PARTIAL_CMP_UNWRAP: &str = " partial_cmp_unwrap";

/// How an `Ordering` is held inside a comparator: its discriminant (`Less` = -1, `Equal`
/// = 0, `Greater` = 1, as `std::cmp::Ordering`'s `#[repr(i8)]`).
pub const ORDERING: Type = Type::Prim(PrimTy::I8);

/// Rust's name of a method [`lookup`] knows by `name` (the comparison methods' names
/// without their leading space), for messages.
pub fn user_name(name: &str) -> &str {
    match name {
        PARTIAL_CMP_UNWRAP => "partial_cmp",
        SORT_CMP => "cmp",
        n => n.trim_start(),
    }
}

/// The receivers a builtin method exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Receivers {
    Slice,
    Ptr,
    Option,
    Float,
    Int,
    /// Signed integers only (`abs`, `signum`: rustc has no `u8::abs`).
    SignedInt,
    /// Every type that implements Rust's `Clone`: all jit types but `&mut` references
    /// and slices (and `!`).
    Clonable,
    /// Integers, `bool` and `char` (`Ord`).
    Ord,
    /// Numbers and `bool` (`PartialOrd`).
    PartialOrd,
    /// `char`.
    Char,
    /// `u32` (the argument of `char::from_u32`).
    U32,
}

impl Receivers {
    fn accept(self, t: &Type) -> bool {
        match (self, t) {
            (Receivers::Slice, Type::Slice { .. } | Type::Array { .. }) => true,
            (Receivers::Ptr, Type::Ptr { .. }) => true,
            (Receivers::Option, Type::Option(_)) => true,
            (Receivers::Float, Type::Prim(p)) => p.is_float(),
            (Receivers::Int, Type::Prim(p)) => p.is_int(),
            (Receivers::SignedInt, Type::Prim(p)) => p.is_int() && p.is_signed(),
            (Receivers::Clonable, t) => is_clone(t),
            (Receivers::Ord, Type::Prim(p)) => !p.is_float(),
            (Receivers::PartialOrd, Type::Prim(_)) => true,
            (Receivers::Char, Type::Prim(PrimTy::Char)) => true,
            (Receivers::U32, Type::Prim(PrimTy::U32)) => true,
            _ => false,
        }
    }
}

/// A builtin method: its name, the receivers it exists for, and its signature for a
/// receiver of a given type.
struct Method {
    name: &'static str,
    receivers: Receivers,
    sig: fn(&Type) -> MethodSig,
}

const fn method(name: &'static str, receivers: Receivers, sig: fn(&Type) -> MethodSig) -> Method {
    Method {
        name,
        receivers,
        sig,
    }
}

fn sig(builtin: Builtin, params: Vec<Type>, ret: Type) -> MethodSig {
    MethodSig {
        builtin,
        params,
        ret,
    }
}

/// An LLVM float intrinsic of `arity` operands of the receiver's type.
fn float_intrinsic(me: &Type, intrinsic: &'static str, arity: usize) -> MethodSig {
    let builtin = Builtin::FloatIntrinsic { intrinsic, arity };
    sig(builtin, vec![me.clone(); arity - 1], me.clone())
}

/// A call of the runtime's wrapper of Rust's `method`, of `arity` operands of the
/// receiver's type.
fn float_libm(me: &Type, method: &'static str, arity: usize) -> MethodSig {
    let builtin = Builtin::FloatLibm { method, arity };
    sig(builtin, vec![me.clone(); arity - 1], me.clone())
}

/// Whether `t` implements Rust's `Clone` (so jit code may call `t.clone()`).
pub fn is_clone(t: &Type) -> bool {
    match t {
        Type::Slice { mutable, .. } | Type::Ref { mutable, .. } => !mutable,
        Type::Never => false,
        Type::Str | Type::String => true,
        Type::Prim(_)
        | Type::Unit
        | Type::Ptr { .. }
        | Type::FnPtr { .. }
        | Type::Class(_)
        | Type::PassThru(_) => true,
        Type::Option(inner) | Type::Vec(inner) | Type::Array { elem: inner, .. } => is_clone(inner),
        // `HashMap::clone` is not supported in jit code yet.
        Type::Map { .. } => false,
        Type::Tuple(es) => es.iter().all(is_clone),
        // A shared reference is `Clone`; `Box<dyn T>` is not (`dyn T` cannot be `Clone`).
        Type::Dyn { pointer, .. } => *pointer == crate::types::DynPointer::Ref,
    }
}

/// A sort std runs on the slice `me` (`crate::std_sort`): `k` for a selection.
fn slice_std_sort(me: &Type, how: StdSort) -> MethodSig {
    let elem = match me {
        Type::Slice { elem, .. } | Type::Array { elem, .. } => elem.prim(),
        _ => None,
    };
    sig(
        Builtin::SliceStdSort { how, elem },
        vec![Type::USIZE; how.arity()],
        Type::Unit,
    )
}

/// `Option<T>`'s `T`.
fn inner(me: &Type) -> Type {
    match me {
        Type::Option(inner) => (**inner).clone(),
        _ => unreachable!("an `Option` receiver"),
    }
}

/// Every builtin method: inference and codegen look methods up here, and error messages
/// list the methods of a type from here, so what exists is said once.
const METHODS: &[Method] = {
    use crate::ir::BinOp;
    use Receivers::*;
    &[
        method("clone", Clonable, |me| {
            sig(Builtin::Clone, vec![], me.clone())
        }),
        method("len", Slice, |_| {
            sig(Builtin::SliceLen, vec![], Type::USIZE)
        }),
        method("is_empty", Slice, |_| {
            sig(Builtin::SliceIsEmpty, vec![], Type::BOOL)
        }),
        method("is_null", Ptr, |_| {
            sig(Builtin::PtrIsNull, vec![], Type::BOOL)
        }),
        method("wrapping_add", Ptr, |me| {
            sig(Builtin::PtrWrappingAdd, vec![Type::USIZE], me.clone())
        }),
        method("is_some", Option, |_| {
            sig(Builtin::Option(OptionMethod::IsSome), vec![], Type::BOOL)
        }),
        method("is_none", Option, |_| {
            sig(Builtin::Option(OptionMethod::IsNone), vec![], Type::BOOL)
        }),
        method("unwrap", Option, |me| {
            sig(Builtin::Option(OptionMethod::Unwrap), vec![], inner(me))
        }),
        // Of the `Option<&T>` that `v.first()`, `v.last()` and `v.get(i)` give, held as
        // `Option<T>` (`vec_methods::VecMethod::FirstRef`).
        method("copied", Option, |me| {
            sig(Builtin::Option(OptionMethod::Copied), vec![], me.clone())
        }),
        method("cloned", Option, |me| {
            sig(Builtin::Clone, vec![], me.clone())
        }),
        method("unwrap_or", Option, |me| {
            sig(
                Builtin::Option(OptionMethod::UnwrapOr),
                vec![inner(me)],
                inner(me),
            )
        }),
        // Exact IEEE 754 operations, as LLVM intrinsics: each gives the one correctly
        // defined result, as Rust's method does (`round` rounds half away from zero like
        // `llvm.round`; `min`/`max` return the other operand for one NaN like
        // `llvm.minnum`/`llvm.maxnum`, the intrinsics Rust's methods use; `mul_add` is
        // fused). The libm-backed ones are in `for_each_libm_intrinsic!`/`_method!`.
        method("sqrt", Float, |me| float_intrinsic(me, "sqrt", 1)),
        method("abs", Float, |me| float_intrinsic(me, "fabs", 1)),
        method("floor", Float, |me| float_intrinsic(me, "floor", 1)),
        method("ceil", Float, |me| float_intrinsic(me, "ceil", 1)),
        method("round", Float, |me| float_intrinsic(me, "round", 1)),
        method("trunc", Float, |me| float_intrinsic(me, "trunc", 1)),
        method("min", Float, |me| float_intrinsic(me, "minnum", 2)),
        method("max", Float, |me| float_intrinsic(me, "maxnum", 2)),
        method("copysign", Float, |me| float_intrinsic(me, "copysign", 2)),
        method("mul_add", Float, |me| float_intrinsic(me, "fma", 3)),
        method("powi", Float, |me| {
            sig(Builtin::FloatPowi, vec![Type::I32], me.clone())
        }),
        method("signum", Float, |me| {
            sig(Builtin::FloatSignum, vec![], me.clone())
        }),
        method("recip", Float, |me| {
            sig(Builtin::FloatRecip, vec![], me.clone())
        }),
        method("to_degrees", Float, |me| {
            sig(Builtin::FloatToDegrees, vec![], me.clone())
        }),
        method("to_radians", Float, |me| {
            sig(Builtin::FloatToRadians, vec![], me.clone())
        }),
        method("is_nan", Float, |_| {
            sig(Builtin::FloatIsNan, vec![], Type::BOOL)
        }),
        method("is_infinite", Float, |_| {
            sig(Builtin::FloatIsInfinite, vec![], Type::BOOL)
        }),
        method("is_finite", Float, |_| {
            sig(Builtin::FloatIsFinite, vec![], Type::BOOL)
        }),
        method("to_bits", Float, |me| {
            let bits = if me == &Type::Prim(PrimTy::F32) {
                PrimTy::U32
            } else {
                PrimTy::U64
            };
            sig(Builtin::FloatToBits, vec![], Type::Prim(bits))
        }),
        method("abs", SignedInt, |me| {
            sig(Builtin::IntAbs, vec![], me.clone())
        }),
        method("signum", SignedInt, |me| {
            sig(Builtin::IntSignum, vec![], me.clone())
        }),
        method("min", Int, |me| {
            sig(Builtin::IntMin, vec![me.clone()], me.clone())
        }),
        method("max", Int, |me| {
            sig(Builtin::IntMax, vec![me.clone()], me.clone())
        }),
        method("pow", Int, |me| {
            sig(Builtin::IntPow, vec![Type::Prim(PrimTy::U32)], me.clone())
        }),
        method("count_ones", Int, |_| {
            sig(Builtin::IntCountOnes, vec![], Type::Prim(PrimTy::U32))
        }),
        method("leading_zeros", Int, |_| {
            sig(Builtin::IntLeadingZeros, vec![], Type::Prim(PrimTy::U32))
        }),
        method("trailing_zeros", Int, |_| {
            sig(Builtin::IntTrailingZeros, vec![], Type::Prim(PrimTy::U32))
        }),
        method("wrapping_add", Int, |me| {
            sig(
                Builtin::IntWrapping(BinOp::Add),
                vec![me.clone()],
                me.clone(),
            )
        }),
        method("wrapping_sub", Int, |me| {
            sig(
                Builtin::IntWrapping(BinOp::Sub),
                vec![me.clone()],
                me.clone(),
            )
        }),
        method("wrapping_mul", Int, |me| {
            sig(
                Builtin::IntWrapping(BinOp::Mul),
                vec![me.clone()],
                me.clone(),
            )
        }),
        method("saturating_add", Int, |me| {
            sig(Builtin::IntSaturatingAdd, vec![me.clone()], me.clone())
        }),
        method("saturating_sub", Int, |me| {
            sig(Builtin::IntSaturatingSub, vec![me.clone()], me.clone())
        }),
        method(CHAR_FROM_U32, U32, |_| {
            sig(
                Builtin::CharFromU32,
                vec![],
                Type::Option(Box::new(Type::CHAR)),
            )
        }),
        method(CHAR_FROM_DIGIT, U32, |_| {
            sig(
                Builtin::CharFromDigit,
                vec![Type::Prim(PrimTy::U32)],
                Type::Option(Box::new(Type::CHAR)),
            )
        }),
        method("min", Char, |me| {
            sig(Builtin::IntMin, vec![me.clone()], me.clone())
        }),
        method("max", Char, |me| {
            sig(Builtin::IntMax, vec![me.clone()], me.clone())
        }),
        method("to_digit", Char, |_| {
            sig(
                Builtin::CharToDigit,
                vec![Type::Prim(PrimTy::U32)],
                Type::Option(Box::new(Type::Prim(PrimTy::U32))),
            )
        }),
        method("is_digit", Char, |_| {
            sig(
                Builtin::CharIsDigit,
                vec![Type::Prim(PrimTy::U32)],
                Type::BOOL,
            )
        }),
        method(ORD_CMP, Ord, |me| {
            let signed = me.prim().is_some_and(|p| p.is_signed());
            sig(Builtin::OrdCmp { signed }, vec![me.clone()], ORDERING)
        }),
        method(SORT_CMP, Ord, |me| {
            let signed = me.prim().is_some_and(|p| p.is_signed());
            sig(Builtin::OrdCmp { signed }, vec![me.clone()], ORDERING)
        }),
        method(TOTAL_CMP, Float, |me| {
            sig(Builtin::FloatTotalCmp, vec![me.clone()], ORDERING)
        }),
        method(StdSort::ALL[0].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[0])
        }),
        method(StdSort::ALL[1].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[1])
        }),
        method(StdSort::ALL[2].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[2])
        }),
        method(StdSort::ALL[3].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[3])
        }),
        method(StdSort::ALL[4].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[4])
        }),
        method(StdSort::ALL[5].method_name(), Slice, |me| {
            slice_std_sort(me, StdSort::ALL[5])
        }),
        method(PARTIAL_CMP_UNWRAP, PartialOrd, |me| {
            let signed = me.prim().is_some_and(|p| p.is_signed());
            sig(
                Builtin::PartialCmpUnwrap { signed },
                vec![me.clone()],
                ORDERING,
            )
        }),
    ]
};

macro_rules! libm_intrinsic_methods {
    ($($method:ident($($operand:ident),+) = $libcall:ident),* $(,)?) => {
        /// The float methods Rust computes through a libm-backed LLVM intrinsic.
        const LIBM_INTRINSIC_METHODS: &[Method] = &[$(
            method(stringify!($method), Receivers::Float, |me| {
                float_intrinsic(me, stringify!($libcall), [$(stringify!($operand)),+].len())
            })
        ),*];
    };
}

for_each_libm_intrinsic!(libm_intrinsic_methods);

macro_rules! libm_methods {
    ($($method:ident($($operand:ident),+)),* $(,)?) => {
        /// The other libm-backed float methods: calls of the runtime's wrappers.
        const LIBM_METHODS: &[Method] = &[$(
            method(stringify!($method), Receivers::Float, |me| {
                float_libm(me, stringify!($method), [$(stringify!($operand)),+].len())
            })
        ),*];
    };
}

for_each_libm_method!(libm_methods);

macro_rules! char_methods {
    ($($result:ident: $($method:ident),* ;)*) => {
        /// The methods of `char`: calls of the runtime's wrappers of std's.
        const CHAR_METHODS: &[Method] = &[$($(
            method(stringify!($method), Receivers::Char, |_| {
                char_method(stringify!($method), stringify!($result))
            })
        ),*),*];
    };
}

crate::for_each_char_method!(char_methods);

/// The signature of `char::method`, whose result type Rust spells `result`.
fn char_method(method: &'static str, result: &str) -> MethodSig {
    use crate::char_methods::CharMethodResult;
    let (result, ret) = match result {
        "bool" => (CharMethodResult::Bool, Type::BOOL),
        "char" => (CharMethodResult::Char, Type::CHAR),
        _ => (CharMethodResult::Usize, Type::USIZE),
    };
    sig(Builtin::Char { method, result }, vec![], ret)
}

/// Every builtin method, from the hand-written table and the libm and `char` lists.
fn all_methods() -> impl Iterator<Item = &'static Method> {
    METHODS
        .iter()
        .chain(LIBM_INTRINSIC_METHODS)
        .chain(LIBM_METHODS)
        .chain(CHAR_METHODS)
}

/// Looks up `receiver.name(..)`; `None` if no such builtin exists.
pub fn lookup(receiver: &Type, name: &str) -> Option<MethodSig> {
    all_methods()
        .find(|m| m.name == name && m.receivers.accept(receiver))
        .map(|m| (m.sig)(receiver))
}

/// The names of the builtin methods of `receiver`'s type, sorted: exactly those
/// [`lookup`] finds.
pub fn names_for(receiver: &Type) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = all_methods()
        .filter(|m| m.receivers.accept(receiver) && !m.name.starts_with(' '))
        .map(|m| m.name)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How rustc names a receiver in "no method named `m` found for {..} in the current
/// scope" (E0599): ``type `u8` ``, ``reference `&[f64]` ``, ``enum `Option<T>` ``.
pub fn receiver_description(receiver: &Type) -> String {
    let kind = match receiver {
        Type::Prim(_) | Type::Never => "type",
        Type::Unit => "unit type",
        Type::Tuple(_) => "tuple",
        Type::Array { .. } => "array",
        Type::Slice { mutable: false, .. } | Type::Ref { mutable: false, .. } | Type::Str => {
            "reference"
        }
        Type::Slice { mutable: true, .. } | Type::Ref { mutable: true, .. } => "mutable reference",
        // rustc names the enum with its parameter, not the argument.
        Type::Option(_) => return "enum `Option<T>`".to_string(),
        Type::Ptr { .. } => "raw pointer",
        Type::FnPtr { .. } => "fn pointer",
        Type::Class(_) | Type::PassThru(_) | Type::Vec(_) | Type::String | Type::Map { .. } => {
            "struct"
        }
        Type::Dyn { pointer, .. } => match pointer {
            crate::types::DynPointer::Box => "struct",
            crate::types::DynPointer::Ref => "reference",
            crate::types::DynPointer::RefMut => "mutable reference",
        },
    };
    format!("{kind} `{receiver}`")
}

#[cfg(test)]
mod tests;
