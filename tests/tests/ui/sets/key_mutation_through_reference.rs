// A key is reached only through a `&String`: changing it is rustc's E0596 "behind a `&`
// reference", not a missing `mut` on the loop variable.
use jitclass::jit;
use std::collections::{HashMap, HashSet};

#[jit]
fn push_to_set_element(w: &str) -> usize {
    let mut s: HashSet<String> = HashSet::new();
    s.insert(w.to_string());
    for k in &s {
        k.push('x');
    }
    s.len()
}

#[jit]
fn push_to_keys(w: &str) -> usize {
    let mut m: HashMap<String, i64> = HashMap::new();
    m.insert(w.to_string(), 1);
    for k in m.keys() {
        k.push('x');
    }
    m.len()
}

fn main() {}
