//! The builtin methods of primitive types and slices that DSL code may call.
//!
//! One table serves type inference (argument and result types) and codegen (which
//! operation to emit), so the two cannot disagree about what exists.

use crate::types::{PrimTy, Type};

/// What a builtin method computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// An LLVM float intrinsic taking `arity` operands of the receiver type (`llvm.sqrt` ...):
    /// an operation IEEE 754 defines exactly, or one Rust's method computes through the same
    /// intrinsic (see [`for_each_libm_intrinsic`]).
    FloatIntrinsic {
        intrinsic: &'static str,
        arity: usize,
    },
    /// A method whose result depends on a math library's implementation (`cbrt`, `tan`,
    /// ...), taking `arity` operands of the receiver type: jit code calls Rust's own method
    /// through the runtime's wrapper of it (see [`for_each_libm_method`]).
    FloatLibm {
        method: &'static str,
        arity: usize,
    },
    FloatPowi,
    FloatSignum,
    FloatRecip,
    FloatToDegrees,
    FloatToRadians,
    FloatIsNan,
    FloatIsInfinite,
    FloatIsFinite,
    IntAbs,
    IntMin,
    IntMax,
    IntPow,
    IntSignum,
    IntCountOnes,
    IntLeadingZeros,
    IntTrailingZeros,
    IntWrapping(crate::ir::BinOp),
    IntSaturatingAdd,
    IntSaturatingSub,
    SliceLen,
    SliceIsEmpty,
    PtrIsNull,
    /// `p.wrapping_add(n)`: `n` elements further, wrapping (no UB, as in Rust).
    PtrWrappingAdd,
    Option(OptionMethod),
}

/// The methods of `Option` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionMethod {
    IsSome,
    IsNone,
    Unwrap,
    UnwrapOr,
}

/// A resolved builtin method: operand types after the receiver, and the result type.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodSig {
    pub builtin: Builtin,
    pub params: Vec<Type>,
    pub ret: Type,
}

/// The float methods that are exact IEEE 754 operations, as LLVM intrinsics: each gives
/// the one correctly defined result, as Rust's method does (`round` rounds half away from
/// zero like `llvm.round`; `min`/`max` return the other operand for one NaN like
/// `llvm.minnum`/`llvm.maxnum`, the intrinsics Rust's methods use; `mul_add` is fused).
const EXACT_INTRINSICS: &[(&str, &str, usize)] = &[
    ("sqrt", "sqrt", 1),
    ("abs", "fabs", 1),
    ("floor", "floor", 1),
    ("ceil", "ceil", 1),
    ("round", "round", 1),
    ("trunc", "trunc", 1),
    ("min", "minnum", 2),
    ("max", "maxnum", 2),
    ("copysign", "copysign", 2),
    ("mul_add", "fma", 3),
];

/// Calls `$callback! { method(operands..) = libcall, .. }` with every float method that
/// Rust computes through an LLVM intrinsic backed by a math library (`f64::sin` is
/// `llvm.sin.f64`, which becomes a call of `sin`, or `sinf` for `f32`). Jit code emits the
/// same intrinsic, so LLVM rewrites and folds it as it does in rustc's build (`x.powf(0.5)`
/// becomes a square root in both), and the runtime maps the library calls that remain to
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

macro_rules! libm_intrinsic_table {
    ($($method:ident($($operand:ident),+) = $libcall:ident),* $(,)?) => {
        /// `(method, intrinsic, arity)` of the methods Rust computes through a libm-backed
        /// LLVM intrinsic.
        const LIBM_INTRINSICS: &[(&str, &str, usize)] = &[$(
            (stringify!($method), stringify!($libcall), [$(stringify!($operand)),+].len())
        ),*];
    };
}

for_each_libm_intrinsic!(libm_intrinsic_table);

macro_rules! libm_table {
    ($($method:ident($($operand:ident),+)),* $(,)?) => {
        /// `(method, arity)` of the other libm-backed float methods.
        const FLOAT_LIBM: &[(&str, usize)] =
            &[$((stringify!($method), [$(stringify!($operand)),+].len())),*];
    };
}

for_each_libm_method!(libm_table);

/// Looks up `receiver.name(..)`; `None` if no such builtin exists.
pub fn lookup(receiver: &Type, name: &str) -> Option<MethodSig> {
    let sig = |builtin, params: Vec<Type>, ret: Type| {
        Some(MethodSig {
            builtin,
            params,
            ret,
        })
    };
    match receiver {
        Type::Slice { .. } => match name {
            "len" => sig(Builtin::SliceLen, vec![], Type::USIZE),
            "is_empty" => sig(Builtin::SliceIsEmpty, vec![], Type::BOOL),
            _ => None,
        },
        Type::Ptr { .. } => match name {
            "is_null" => sig(Builtin::PtrIsNull, vec![], Type::BOOL),
            "wrapping_add" => sig(Builtin::PtrWrappingAdd, vec![Type::USIZE], receiver.clone()),
            _ => None,
        },
        Type::Option(inner) => match name {
            "is_some" => sig(Builtin::Option(OptionMethod::IsSome), vec![], Type::BOOL),
            "is_none" => sig(Builtin::Option(OptionMethod::IsNone), vec![], Type::BOOL),
            "unwrap" => sig(
                Builtin::Option(OptionMethod::Unwrap),
                vec![],
                (**inner).clone(),
            ),
            "unwrap_or" => sig(
                Builtin::Option(OptionMethod::UnwrapOr),
                vec![(**inner).clone()],
                (**inner).clone(),
            ),
            _ => None,
        },
        Type::Prim(p) if p.is_float() => {
            let me = receiver.clone();
            if let Some(&(_, intrinsic, arity)) = EXACT_INTRINSICS
                .iter()
                .chain(LIBM_INTRINSICS)
                .find(|m| m.0 == name)
            {
                return sig(
                    Builtin::FloatIntrinsic { intrinsic, arity },
                    vec![me.clone(); arity - 1],
                    me,
                );
            }
            if let Some(&(method, arity)) = FLOAT_LIBM.iter().find(|m| m.0 == name) {
                return sig(
                    Builtin::FloatLibm { method, arity },
                    vec![me.clone(); arity - 1],
                    me,
                );
            }
            match name {
                "powi" => sig(Builtin::FloatPowi, vec![Type::I32], me),
                "signum" => sig(Builtin::FloatSignum, vec![], me),
                "recip" => sig(Builtin::FloatRecip, vec![], me),
                "to_degrees" => sig(Builtin::FloatToDegrees, vec![], me),
                "to_radians" => sig(Builtin::FloatToRadians, vec![], me),
                "is_nan" => sig(Builtin::FloatIsNan, vec![], Type::BOOL),
                "is_infinite" => sig(Builtin::FloatIsInfinite, vec![], Type::BOOL),
                "is_finite" => sig(Builtin::FloatIsFinite, vec![], Type::BOOL),
                _ => None,
            }
        }
        Type::Prim(p) if p.is_int() => {
            use crate::ir::BinOp;
            let me = receiver.clone();
            let u32t = Type::Prim(PrimTy::U32);
            match name {
                "abs" if p.is_signed() => sig(Builtin::IntAbs, vec![], me),
                "signum" if p.is_signed() => sig(Builtin::IntSignum, vec![], me),
                "min" => sig(Builtin::IntMin, vec![me.clone()], me),
                "max" => sig(Builtin::IntMax, vec![me.clone()], me),
                "pow" => sig(Builtin::IntPow, vec![u32t], me),
                "count_ones" => sig(Builtin::IntCountOnes, vec![], u32t),
                "leading_zeros" => sig(Builtin::IntLeadingZeros, vec![], u32t),
                "trailing_zeros" => sig(Builtin::IntTrailingZeros, vec![], u32t),
                "wrapping_add" => sig(Builtin::IntWrapping(BinOp::Add), vec![me.clone()], me),
                "wrapping_sub" => sig(Builtin::IntWrapping(BinOp::Sub), vec![me.clone()], me),
                "wrapping_mul" => sig(Builtin::IntWrapping(BinOp::Mul), vec![me.clone()], me),
                "saturating_add" => sig(Builtin::IntSaturatingAdd, vec![me.clone()], me),
                "saturating_sub" => sig(Builtin::IntSaturatingSub, vec![me.clone()], me),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Names of every builtin method, for "did you mean" style listings in errors.
pub fn names_for(receiver: &Type) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = match receiver {
        Type::Slice { .. } => vec!["len", "is_empty"],
        Type::Ptr { .. } => vec!["is_null", "wrapping_add"],
        Type::Option(_) => vec!["is_some", "is_none", "unwrap", "unwrap_or"],
        Type::Prim(p) if p.is_float() => EXACT_INTRINSICS
            .iter()
            .chain(LIBM_INTRINSICS)
            .map(|m| m.0)
            .chain(FLOAT_LIBM.iter().map(|m| m.0))
            .chain([
                "powi",
                "signum",
                "recip",
                "to_degrees",
                "to_radians",
                "is_nan",
                "is_infinite",
                "is_finite",
            ])
            .collect(),
        Type::Prim(p) if p.is_int() => vec![
            "abs",
            "signum",
            "min",
            "max",
            "pow",
            "count_ones",
            "leading_zeros",
            "trailing_zeros",
            "wrapping_add",
            "wrapping_sub",
            "wrapping_mul",
            "saturating_add",
            "saturating_sub",
        ],
        _ => vec![],
    };
    out.sort_unstable();
    out
}
