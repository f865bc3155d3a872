//! `entry(..)` and element reads on a map or `Vec` named by a local borrow the local's
//! reference without a count while the key and default run: the neighbours of that rule
//! (a field, keys and defaults that call jit code touching other maps
//! or the same instance, `break` mid-loop, owned values) against std's results and the
//! memory runtime's balance.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// The indexed form: the key is an element of a slice, the added amount an element of a
// local `Vec`, the map reassigned between statements.
twice!(indexed_counts, indexed_counts_rs, fn(keys: &[i64], reset_every: usize) -> i64 {
    let mut weights: Vec<i64> = Vec::new();
    for k in keys {
        weights.push(k % 5 + 1);
    }
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut acc = 0;
    for i in 0..keys.len() {
        *counts.entry(keys[i]).or_insert(0) += weights[i];
        if i % reset_every == reset_every - 1 {
            acc += counts.len() as i64 * 1000 + counts.get(&keys[i]).copied().unwrap_or(-1);
            counts = HashMap::new();
        }
    }
    let mut total = 0;
    for (k, v) in &counts {
        total += k * v;
    }
    acc + total
});

/// A key that calls jit code changing another map; the plain Rust copy is
/// [`keys_from_calls_rs`]'s.
#[jit]
fn bump_other(other: &mut Bag, k: i64) -> i64 {
    *other.counts.entry(k % 3).or_insert(0) += 1;
    (other.counts.len() as i64 + k) % 7
}

#[jit]
fn keys_from_calls(n: i64) -> i64 {
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut other = Bag::new();
    for i in 0..n {
        *counts.entry(bump_other(&mut other, i)).or_insert(i) += 1;
    }
    let mut acc = other.counts.len() as i64;
    for k in 0..7 {
        acc = acc * 31 + counts.get(&k).copied().unwrap_or(-1);
    }
    acc
}

fn bump_other_rs(other: &mut HashMap<i64, i64>, k: i64) -> i64 {
    *other.entry(k % 3).or_insert(0) += 1;
    (other.len() as i64 + k) % 7
}

fn keys_from_calls_rs(n: i64) -> i64 {
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut other: HashMap<i64, i64> = HashMap::new();
    for i in 0..n {
        *counts.entry(bump_other_rs(&mut other, i)).or_insert(i) += 1;
    }
    let mut acc = other.len() as i64;
    for k in 0..7 {
        acc = acc * 31 + counts.get(&k).copied().unwrap_or(-1);
    }
    acc
}

// Owned values: `Vec`s and `String`s made by `or_insert_with` closures and `or_insert`
// arguments dropped for present keys; nested entries (the key of one is the value of
// another's); a `break` out of the middle of the loop.
twice!(owned_values, owned_values_rs, fn(n: u32, stop: u32) -> u64 {
    let mut lists: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut firsts: HashMap<u32, u32> = HashMap::new();
    let mut by_first: HashMap<u32, u64> = HashMap::new();
    let mut xs: Vec<u32> = Vec::new();
    for i in 0..n {
        xs.push((i * 7919) % 13);
    }
    for i in 0..n {
        let k = xs[i as usize];
        lists.entry(k).or_insert_with(|| vec![k; 2]).push(i);
        names.entry(xs[i as usize] % 5).or_insert(String::from("n")).push('x');
        names.entry(k % 3 + 10).or_insert_with(String::new).push_str("ab");
        *by_first.entry(*firsts.entry(k).or_insert(i)).or_insert(0) += i as u64;
        if i == stop {
            break;
        }
    }
    let mut acc = 0u64;
    for k in 0..13u32 {
        if let Some(l) = lists.get(&k).cloned() {
            acc = acc.wrapping_mul(7).wrapping_add(l.len() as u64 + l[0] as u64);
        }
        if let Some(s) = names.get(&k).cloned() {
            acc = acc.wrapping_mul(11).wrapping_add(s.len() as u64);
        }
        acc = acc.wrapping_add(by_first.get(&k).copied().unwrap_or(3));
    }
    acc
});

#[test]
fn local_map_entries_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    let keys: Vec<i64> = (0..2000).map(|i| (i * 7919) % 97 - 40).collect();
    for reset_every in [1, 3, 500, 5000] {
        assert_eq!(
            indexed_counts(&keys, reset_every),
            indexed_counts_rs(&keys, reset_every),
            "reset every {reset_every}"
        );
    }
    for n in [0, 1, 6, 50, 300] {
        assert_eq!(keys_from_calls(n), keys_from_calls_rs(n), "n = {n}");
        for stop in [0, 5, 1000] {
            assert_eq!(
                owned_values(n as u32, stop),
                owned_values_rs(n as u32, stop),
                "n = {n}, stop = {stop}"
            );
        }
    }
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct Bag {
    pub counts: HashMap<i64, i64>,
    pub names: HashMap<i64, String>,
}

#[jitclass]
impl Bag {
    pub fn new() -> Bag {
        Bag {
            counts: HashMap::new(),
            names: HashMap::new(),
        }
    }

    /// `entry` on a field whose key and default call jit code given another handle of
    /// this instance, which replaces the field's map meanwhile.
    pub fn count_through(&mut self, other: &mut Bag, k: i64) -> i64 {
        *self.counts.entry(replace_counts(other, k)).or_insert(100) += 1;
        self.names
            .entry(k)
            .or_insert_with(|| name_after_replacing(other, k))
            .push('!');
        self.counts.len() as i64
    }
}

/// Replaces `bag`'s counts with a map holding `k => 1000`; the key `k`.
#[jit]
fn replace_counts(bag: &mut Bag, k: i64) -> i64 {
    let mut fresh = HashMap::new();
    fresh.insert(k, 1000);
    bag.counts = fresh;
    k
}

/// Replaces `bag`'s names; a new name.
#[jit]
fn name_after_replacing(bag: &mut Bag, k: i64) -> String {
    bag.names = HashMap::new();
    format!("k{k}")
}

#[test]
fn field_map_entries_outlive_a_replacement() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        // Distinct instances: as in Rust.
        let mut a = Bag::new();
        let mut b = Bag::new();
        assert_eq!(a.count_through(&mut b, 3), 1);
        assert_eq!(a.counts(), HashMap::from([(3, 101)]));
        assert_eq!(b.counts(), HashMap::from([(3, 1000)]));
        assert_eq!(a.names(), HashMap::from([(3, "k3!".to_string())]));

        // The same instance through another handle (shared, as a Numba jitclass
        // instance is): the field's old map, which the statement went on counting
        // into, is released once the statement ends, and the field keeps the new one.
        let mut c = Bag::new();
        let mut alias = c.clone();
        c.count_through(&mut alias, 5);
        assert_eq!(c.counts(), HashMap::from([(5, 1000)]));
        assert!(c.names().is_empty());
    }
    assert!(balanced_since(&before));
}
