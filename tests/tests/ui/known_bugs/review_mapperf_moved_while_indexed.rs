//! A `Vec` moved into a call inside its own index (`v[eat(v)]`) in an unbounded generic
//! body builds and runs; rustc refuses it (E0505: cannot move out of `v` because it is
//! borrowed). Found in the review of the count-free local receiver (no memory fault: the
//! local keeps its own count).
use jitclass::jit;

#[jit]
fn moved_to_call<T>(t: T) -> (i64, T) {
    let v: Vec<i64> = vec![10, 20, 30];
    let n = v[eat(v)];
    (n, t)
}

#[jit]
fn eat(v: Vec<i64>) -> usize {
    v.len() - 3
}

fn main() {
    let _ = moved_to_call(0i64);
}
