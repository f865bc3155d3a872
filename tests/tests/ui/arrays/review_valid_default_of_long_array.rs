//! rustc implements `Default` for arrays of at most 32 elements: `[i64; 33]` has none.
use jitclass::jit;

#[jit]
fn long(x: i64) -> i64 {
    let a: [i64; 33] = Default::default();
    a[0] + x
}

fn main() {
    let _ = long(1);
}
