use jitclass::jitclass;
use std::collections::HashSet;

// From Rust, the handle of an instantiation has the derived traits under rustc's bounds:
// `Pair<f64, i64>` is `PartialEq` but neither `Eq` nor `Hash`.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Pair<A, B> {
    a: A,
    b: B,
}

fn keys(set: &mut HashSet<Pair<f64, i64>>, p: Pair<f64, i64>) -> bool {
    set.insert(p)
}

fn main() {}
