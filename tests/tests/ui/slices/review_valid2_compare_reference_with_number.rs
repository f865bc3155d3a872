// `for x in s` over a `&[f64]` parameter binds `x: &f64`: compared with an `f64` it is
// rustc's E0308 (`*x > 2.0` or `x > &2.0` is what builds).
use jitclass::jit;

#[jit]
fn count_big(s: &[f64]) -> usize {
    let mut n = 0;
    for x in s {
        if x > 2.0 {
            n += 1;
        }
    }
    n
}

fn main() {}
