//! Known bug: `for x in s` over a `&[f64]` parameter holds `x` as the value, so passing it
//! to a by-value parameter builds (examples/src/dispatch.rs does), where rustc refuses it:
//! `x` is a `&f64` (E0308 mismatched types: expected `f64`, found `&f64`).
use jitclass::jit;

#[jit]
fn affine(x: f64) -> f64 {
    x * 1.5 + 1.0
}

#[jit]
fn map_sum(xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for x in xs {
        acc += affine(x);
    }
    acc
}

fn main() {}
