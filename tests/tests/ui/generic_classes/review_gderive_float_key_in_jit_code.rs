use jitclass::{jit, jitclass};
use std::collections::HashSet;
// Not `Eq`/`Hash`: no `insert` into a set of `Pair<f64, i64>` in jit code (E0599).
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
impl<A, B> Pair<A, B> {
    pub fn new(a: A, b: B) -> Pair<A, B> {
        Pair { a, b }
    }
}

#[jit]
fn keys() -> usize {
    let mut s: HashSet<Pair<f64, i64>> = HashSet::new();
    s.insert(Pair::new(1.0, 2));
    s.len()
}

fn main() {}
