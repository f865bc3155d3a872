// A reference kept from `get` (a map's or a `Vec`'s, of `String`s or `Vec`s) while the
// container changes: rustc's E0502 at the change, in plain and in generic bodies (which
// only jitclass checks).
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn plain(k: i64) -> usize {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(k, String::from("a"));
    if let Some(s) = m.get(&k) {
        m.insert(k + 1, String::new());
        return s.len();
    }
    0
}

#[jit]
fn generic<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    match m.get(&k) {
        Some(s) => {
            m.clear();
            s.len()
        }
        None => 0,
    }
}

#[jit]
fn rows<T: Copy>(x: T) -> usize {
    let mut v: Vec<Vec<T>> = Vec::new();
    v.push(vec![x]);
    let first = v.first().unwrap();
    v.push(Vec::new());
    first.len()
}

fn main() {}
