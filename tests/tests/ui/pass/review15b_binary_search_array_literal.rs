//! `binary_search` on an array of integer literals takes the element type from the
//! argument (`&x`, an `i64`), as rustc does (review of issue 15b).
use jitclass::jit;

#[jit]
fn at(x: i64) -> usize {
    let a = [1, 2, 2, 2, 5];
    a.binary_search(&x).unwrap_or_else(|i| i + 100)
}

fn main() {
    assert_eq!(at(5), 4);
}
