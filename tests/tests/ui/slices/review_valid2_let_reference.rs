// `for x in s` over a `&[f64]` parameter binds `x: &f64`: annotated as an `f64` it is
// rustc's E0308.
use jitclass::jit;

#[jit]
fn last(s: &[f64]) -> f64 {
    let mut t = 0.0;
    for x in s {
        let k: f64 = x;
        t = k;
    }
    t
}

fn main() {}
