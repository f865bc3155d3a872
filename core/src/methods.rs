//! The builtin methods of primitive types and slices that DSL code may call.
//!
//! One table serves type inference (argument and result types) and codegen (which
//! operation to emit), so the two cannot disagree about what exists.

use crate::types::{PrimTy, Type};

/// What a builtin method computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// An LLVM float intrinsic taking `arity` operands of the receiver type (`llvm.sqrt` ...).
    FloatIntrinsic {
        intrinsic: &'static str,
        arity: usize,
    },
    /// A libm function taking `arity` operands (`tan`, `atan2`, ...), `f` suffix for f32.
    FloatLibm {
        symbol: &'static str,
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

const FLOAT_INTRINSICS: &[(&str, &str, usize)] = &[
    ("sqrt", "sqrt", 1),
    ("abs", "fabs", 1),
    ("exp", "exp", 1),
    ("exp2", "exp2", 1),
    ("ln", "log", 1),
    ("log2", "log2", 1),
    ("log10", "log10", 1),
    ("sin", "sin", 1),
    ("cos", "cos", 1),
    ("floor", "floor", 1),
    ("ceil", "ceil", 1),
    ("round", "round", 1),
    ("trunc", "trunc", 1),
    ("powf", "pow", 2),
    ("min", "minnum", 2),
    ("max", "maxnum", 2),
    ("copysign", "copysign", 2),
    ("mul_add", "fma", 3),
];

const FLOAT_LIBM: &[(&str, &str, usize)] = &[
    ("tan", "tan", 1),
    ("asin", "asin", 1),
    ("acos", "acos", 1),
    ("atan", "atan", 1),
    ("sinh", "sinh", 1),
    ("cosh", "cosh", 1),
    ("tanh", "tanh", 1),
    ("cbrt", "cbrt", 1),
    ("exp_m1", "expm1", 1),
    ("ln_1p", "log1p", 1),
    ("atan2", "atan2", 2),
    ("hypot", "hypot", 2),
];

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
            if let Some(&(_, intrinsic, arity)) = FLOAT_INTRINSICS.iter().find(|m| m.0 == name) {
                return sig(
                    Builtin::FloatIntrinsic { intrinsic, arity },
                    vec![me.clone(); arity - 1],
                    me,
                );
            }
            if let Some(&(_, symbol, arity)) = FLOAT_LIBM.iter().find(|m| m.0 == name) {
                return sig(
                    Builtin::FloatLibm { symbol, arity },
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
        Type::Prim(p) if p.is_float() => FLOAT_INTRINSICS
            .iter()
            .chain(FLOAT_LIBM)
            .map(|m| m.0)
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
