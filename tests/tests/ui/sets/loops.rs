use jitclass::jit;
use std::collections::HashSet;

// Generic bodies, which rustc never sees: a set's keys never change in place.
#[jit]
fn bump_keys<T>(k: T) -> usize {
    let mut s = HashSet::new();
    s.insert(k);
    for x in &mut s {
        *x = k;
    }
    for x in s.iter_mut() {
        *x = k;
    }
    s.len()
}

fn main() {}
