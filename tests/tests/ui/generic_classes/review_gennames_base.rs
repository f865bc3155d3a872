// A bare literal of a generic class with `..base`: what jit code says of the struct update
// syntax.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn updated(p: Pair<i64, f64>) -> Pair<i64, f64> {
    Pair { a: 2, ..p }
}

fn main() {}
