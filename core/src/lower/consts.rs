//! Constants of the primitive types (`f64::MAX`, `i32::BITS`, `std::f64::consts::PI`),
//! lowered to literals of the values Rust's own constants have.

use crate::ir::{FloatLit, Lit};
use crate::types::PrimTy;

/// `f64::MAX`, `i32::MIN`, `std::f64::consts::PI`, ... as literals.
pub(super) fn primitive_const(path: &syn::Path) -> Option<Lit> {
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let (ty, name) = match segs.as_slice() {
        [ty, name] => (*ty, *name),
        ["std" | "core", ty, name] => (*ty, *name),
        ["std" | "core", ty, "consts", name] | [ty, "consts", name] => {
            let v = float_const(name)?;
            return match *ty {
                "f64" => Some(Lit::Float(v, Some(PrimTy::F64))),
                "f32" => Some(Lit::Float(v, Some(PrimTy::F32))),
                _ => None,
            };
        }
        _ => return None,
    };
    let prim = PrimTy::from_name(ty)?;
    if prim.is_int() {
        let (lo, hi) = prim.int_range()?;
        return match name {
            "MAX" => Some(Lit::Int(hi, Some(prim))),
            "MIN" => Some(Lit::Int(lo, Some(prim))),
            "BITS" => Some(Lit::Int(i128::from(prim.bits()), Some(PrimTy::U32))),
            _ => None,
        };
    }
    let both = |a: f64, b: f32| FloatLit::new(a, b);
    let v = match (prim, name) {
        (PrimTy::F64, "MAX") => both(f64::MAX, f32::INFINITY),
        (PrimTy::F64, "MIN") => both(f64::MIN, f32::NEG_INFINITY),
        (PrimTy::F64, "MIN_POSITIVE") => both(f64::MIN_POSITIVE, 0.0),
        (PrimTy::F64, "EPSILON") => both(f64::EPSILON, f64::EPSILON as f32),
        (PrimTy::F32, "MAX") => both(f64::from(f32::MAX), f32::MAX),
        (PrimTy::F32, "MIN") => both(f64::from(f32::MIN), f32::MIN),
        (PrimTy::F32, "MIN_POSITIVE") => both(f64::from(f32::MIN_POSITIVE), f32::MIN_POSITIVE),
        (PrimTy::F32, "EPSILON") => both(f64::from(f32::EPSILON), f32::EPSILON),
        (PrimTy::F32 | PrimTy::F64, "INFINITY") => both(f64::INFINITY, f32::INFINITY),
        (PrimTy::F32 | PrimTy::F64, "NEG_INFINITY") => both(f64::NEG_INFINITY, f32::NEG_INFINITY),
        (PrimTy::F32 | PrimTy::F64, "NAN") => both(f64::NAN, f32::NAN),
        _ => return None,
    };
    Some(Lit::Float(v, Some(prim)))
}

/// A `consts` value at both widths, each Rust's own constant.
fn float_const(name: &str) -> Option<FloatLit> {
    use std::{f32::consts as c32, f64::consts as c64};
    let (a, b) = match name {
        "PI" => (c64::PI, c32::PI),
        "TAU" => (c64::TAU, c32::TAU),
        "E" => (c64::E, c32::E),
        "SQRT_2" => (c64::SQRT_2, c32::SQRT_2),
        "LN_2" => (c64::LN_2, c32::LN_2),
        "LN_10" => (c64::LN_10, c32::LN_10),
        "FRAC_PI_2" => (c64::FRAC_PI_2, c32::FRAC_PI_2),
        "FRAC_PI_4" => (c64::FRAC_PI_4, c32::FRAC_PI_4),
        "FRAC_1_SQRT_2" => (c64::FRAC_1_SQRT_2, c32::FRAC_1_SQRT_2),
        "LOG2_E" => (c64::LOG2_E, c32::LOG2_E),
        "LOG10_E" => (c64::LOG10_E, c32::LOG10_E),
        _ => return None,
    };
    Some(FloatLit::new(a, b))
}
