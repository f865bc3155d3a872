use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn with_hasher(s: HashSet<u32, std::collections::hash_map::RandomState>) -> usize {
    s.len()
}

#[jit]
fn turbofish() -> usize {
    let s = HashSet::<u32>::new();
    s.len()
}

#[jit]
fn from_array() -> usize {
    let s: HashSet<u32> = HashSet::from([1, 2]);
    s.len()
}

#[jit]
fn set_for_a_map() -> usize {
    let m: std::collections::HashMap<u32, i32> = HashSet::new();
    m.len()
}

fn main() {}
