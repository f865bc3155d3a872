// What a set's user sees: the set's own words, never the pattern its loop is lowered to
// (`s.values()` is rustc's E0599 "no method named `values` found for struct `HashSet`").
use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn values_of_a_set(k: u32) -> usize {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    let mut n = 0;
    for _ in s.values() {
        n += 1;
    }
    for _ in s.keys() {
        n += 1;
    }
    n
}

fn main() {}
