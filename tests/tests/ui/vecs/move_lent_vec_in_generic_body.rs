// A `Vec` moved into a call that is also lent a slice of it, in a generic body (which
// rustc does not see): jitclass's own check, at build time, in rustc's words.
use jitclass::jit;

#[jit]
fn lend_and_move<T>(x: T) -> usize {
    let v = vec![x];
    keep_len(&v, v)
}

#[jit]
fn keep_len<T>(xs: &[T], v: Vec<T>) -> usize {
    xs.len() + v.len()
}

fn main() {}
