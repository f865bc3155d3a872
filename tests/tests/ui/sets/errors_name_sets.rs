// A set's errors name the set the user wrote, never the `HashMap` a set is lowered to:
// comparing sets (not supported yet), and a set as a key (rustc's E0599: `HashSet<u8>` is
// not `Hash`).
use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn compare_sets(k: u32) -> bool {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    let t: HashSet<u32> = HashSet::new();
    s == t
}

#[jit]
fn set_of_sets() -> usize {
    let mut s: HashSet<HashSet<u8>> = HashSet::new();
    s.insert(HashSet::new());
    s.len()
}

fn main() {}
