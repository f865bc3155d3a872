use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};

// An instance is a key when its class derives `PartialEq`, `Eq` and `Hash`, as in Rust.

#[jitclass]
pub struct Loose {
    pub x: i64,
}

#[jitclass]
#[derive(PartialEq, Hash)]
pub struct HalfKey {
    pub x: i64,
}

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct FloatKey {
    pub x: f64,
}

#[jit]
fn count_loose(x: i64) -> usize {
    let mut m: HashMap<Loose, i64> = HashMap::new();
    m.insert(Loose { x }, 1);
    m.len()
}

#[jit]
fn half(x: i64) -> bool {
    let mut s = HashSet::new();
    s.insert(HalfKey { x });
    s.contains(&HalfKey { x })
}

fn main() {}
