use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn first(k: u32) -> u32 {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    s[0]
}

fn main() {}
