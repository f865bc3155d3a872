use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn insert_immutable(k: u32) -> usize {
    let m = HashMap::new();
    m.insert(k, 1.5);
    m.len()
}

// Generic bodies, which rustc never sees, are checked by jitclass in rustc's words.
#[jit]
fn count_immutable<T: Copy>(k: T) -> usize {
    let m = HashMap::new();
    *m.entry(k).or_insert(0) += 1;
    m.len()
}

fn main() {}
