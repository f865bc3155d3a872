//! Known bug: `*x` of `for x in s` over a `&[f64]` parameter (`x` is a `&f64` in Rust) is
//! refused ("dereferencing (`*x`) is not supported here"): jit code walks a shared slice
//! by value (a `&mut [T]` parameter's loop lends each element and takes `*x`).
use jitclass::jit;

#[jit]
fn total(s: &[f64]) -> f64 {
    let mut t = 0.0;
    for x in s {
        t += *x;
    }
    t
}

fn main() {
    assert_eq!(total(&[1.0, 2.5]), 3.5);
}
