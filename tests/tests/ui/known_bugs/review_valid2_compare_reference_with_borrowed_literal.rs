// `for x in s` over a `&[f64]` parameter binds `x: &f64`; Rust compares it with a borrowed
// literal (`x > &0.0`, `PartialOrd for &f64`): valid Rust, which must build.
use jitclass::jit;

#[jit]
fn count_positive(s: &[f64]) -> usize {
    let mut n = 0;
    for x in s {
        if x > &0.0 {
            n += 1;
        }
    }
    n
}

fn main() {}
