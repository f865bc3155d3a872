//! A `for x in &v` loop borrows `v` for its body: pushing to `v` there is rustc's E0502.
use jitclass::jit;

#[jit]
fn grows<T>(x: T) -> usize {
    let _x = x;
    let mut v = vec![1i64, 2, 3];
    for e in &v {
        v.push(*e);
    }
    v.len()
}

fn main() {}
