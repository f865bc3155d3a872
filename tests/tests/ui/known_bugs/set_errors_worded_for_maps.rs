// What a set's user sees: the set's own words, never the pattern its loop is lowered to
// (`s.values()` is rustc's E0599 "no method named `values` found for struct `HashSet`"),
// or a shadow's internal items (a consuming loop over a set field).
use jitclass::{jit, jitclass};
use std::collections::HashSet;

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
