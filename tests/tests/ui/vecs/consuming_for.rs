// `for x in v` moves `v` (Rust's `IntoIterator for Vec<T>`): it cannot be used afterwards.
use jitclass::jit;

#[jit]
fn used_after(v: Vec<i64>) -> usize {
    let mut s = 0;
    for x in v {
        s += x;
    }
    v.len() + s as usize
}

fn main() {}
