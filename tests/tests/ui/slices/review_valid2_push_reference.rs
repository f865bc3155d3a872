// `for x in s` over a `&[f64]` parameter binds `x: &f64`: pushing it into a `Vec<f64>` is
// rustc's E0308.
use jitclass::jit;

#[jit]
fn copy_out(s: &[f64]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for x in s {
        out.push(x);
    }
    out
}

fn main() {}
