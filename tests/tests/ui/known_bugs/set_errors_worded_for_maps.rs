// What a set's user sees: the set's own words, never the `HashMap` a set is lowered to,
// the pattern its loop is lowered to, or a shadow's internal items.
use jitclass::{jit, jitclass};
use std::collections::HashSet;

#[jit]
fn compare_sets(k: u32) -> bool {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    let t: HashSet<u32> = HashSet::new();
    s == t
}

#[jit]
fn values_of_a_set(k: u32) -> usize {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    let mut n = 0;
    for _ in s.values() {
        n += 1;
    }
    n
}

#[jit]
fn set_of_sets() -> usize {
    let mut s: HashSet<HashSet<u8>> = HashSet::new();
    s.insert(HashSet::new());
    s.len()
}

#[jitclass]
pub struct Seen {
    pub ids: HashSet<u32>,
}

#[jit]
fn consume_set_field(a: Seen) -> u32 {
    let mut t = 0;
    for k in a.ids {
        t += k;
    }
    t
}

fn main() {}
