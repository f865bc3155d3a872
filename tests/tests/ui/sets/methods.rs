use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn insert_pair(k: u32) -> usize {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k, 2);
    s.len()
}

#[jit]
fn get_mut_of_set(k: u32) -> u32 {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    if let Some(x) = s.get_mut(&k) {
        return *x;
    }
    0
}

#[jit]
fn map_methods_on_a_set(k: u32) -> bool {
    let mut s: HashSet<u32> = HashSet::new();
    *s.entry(k).or_insert(0) += 1;
    s.contains_key(&k)
}

#[jit]
fn set_methods_not_yet(k: u32) -> usize {
    let s: HashSet<u32> = HashSet::new();
    let t = s.union(&s);
    s.get(&k);
    t
}

fn main() {}
