// `for x in s` over a `&[f64]` parameter binds `x: &f64`, as in Rust: passed where an
// `f64` is expected it is rustc's E0308 (`affine(*x)` or `for &x in xs` is what builds).
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
