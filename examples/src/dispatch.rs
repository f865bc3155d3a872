//! First-class functions and local subtyping, as the report and the benches measure them.

use jitclass::{jit, jitclass};

/// The function called per element, directly (inlined by LLVM) or through a pointer.
#[jit]
pub extern "C" fn affine(x: f64) -> f64 {
    x * 1.5 + 1.0
}

/// Calls `affine` by name: a direct call LLVM sees into.
#[jit]
pub fn map_sum_direct(xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for x in xs {
        acc += affine(*x);
    }
    acc
}

/// Calls whatever `f` points to: an indirect C call per element.
#[jit]
pub fn map_sum_indirect(f: extern "C" fn(f64) -> f64, xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for x in xs {
        acc += f(*x);
    }
    acc
}

/// The native Rust loop through a function pointer, for scale.
#[inline(never)]
pub fn map_sum_indirect_native(f: extern "C" fn(f64) -> f64, xs: &[f64]) -> f64 {
    xs.iter().map(|&x| f(x)).sum()
}

/// Classes that share `a: f64` at offset 0, for subtyping.
#[jitclass]
pub struct Point1 {
    pub a: f64,
}

#[jitclass]
pub struct Point2 {
    pub a: f64,
    pub b: f64,
}

#[jitclass]
impl Point1 {
    pub fn new(a: f64) -> Self {
        Point1 { a }
    }
}

#[jitclass]
impl Point2 {
    pub fn new(a: f64, b: f64) -> Self {
        Point2 { a, b }
    }
}

/// Reads `a` of any class that has one, with a few lines of arithmetic around it.
#[jit]
pub fn weighted_a<R>(rec: R, w: f64) -> f64 {
    let mut x = rec.a * w;
    if x < 0.0 {
        x = -x;
    }
    x.sqrt() + w
}
