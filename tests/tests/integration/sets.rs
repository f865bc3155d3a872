//! `HashSet<K>` in jit code (a map whose values never exist): each function is compiled
//! twice from the same tokens, by jitclass and by rustc (std's `HashSet`), and the
//! results compared; crossing, fields, containers and references through another handle.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::collections::HashSet;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(basics, basics_rs, fn(n: u32) -> i64 {
    let mut s: HashSet<u32> = HashSet::new();
    let mut acc = 0i64;
    for i in 0..n {
        if s.insert(i % 7) {
            acc += 1;
        } else {
            acc += 100;
        }
    }
    acc = acc * 1000 + s.len() as i64;
    if s.contains(&3) {
        acc += 1;
    }
    if !s.contains(&100) {
        acc += 2;
    }
    if s.remove(&4) {
        acc += 10;
    }
    if !s.remove(&4) {
        acc += 20;
    }
    let was_empty = s.is_empty();
    s.clear();
    if s.is_empty() && !was_empty {
        acc += 5000;
    }
    s.insert(9);
    acc * 10 + s.len() as i64
});

twice!(tuple_keys, tuple_keys_rs, fn(seed: u64, n: u32) -> u64 {
    let mut s: HashSet<(i64, char, bool)> = HashSet::with_capacity(3);
    let mut x = seed;
    let mut acc = 0u64;
    for _ in 0..n {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let ch = char::from_u32(0x1F600 + ((x >> 20) % 3) as u32).unwrap_or('a');
        let k = (((x >> 30) % 40) as i64 - 20, ch, (x >> 17) % 2 == 0);
        let op = (x >> 55) % 3;
        if op == 0 {
            acc = acc.wrapping_add(s.remove(&k) as u64);
        } else if op == 1 {
            acc = acc.wrapping_mul(3).wrapping_add(s.insert(k) as u64);
        } else {
            acc = acc.wrapping_mul(7).wrapping_add(s.contains(&k) as u64);
        }
        acc = acc.wrapping_add(s.len() as u64);
    }
    acc
});

// The order is unspecified in both (and differs): only order-independent results.
twice!(iterate, iterate_rs, fn(n: u64) -> u64 {
    let mut s: HashSet<u64> = HashSet::new();
    for i in 0..n {
        s.insert(i * i % 23);
    }
    s.remove(&4);
    let mut acc = 0u64;
    for k in &s {
        acc = acc.wrapping_add(*k * 1000);
    }
    for k in s.iter() {
        acc = acc.wrapping_add(k * 7);
    }
    let mut flags: HashSet<bool> = HashSet::new();
    flags.insert(n % 2 == 0);
    flags.insert(true);
    for b in &flags {
        if *b {
            acc += 1;
        }
    }
    let mut total = 0;
    for k in s {
        total += k;
    }
    acc + total + flags.len() as u64
});

twice!(distinct_chars, distinct_chars_rs, fn(n: u32) -> usize {
    let mut seen: HashSet<char> = HashSet::new();
    let mut by_len: Vec<HashSet<u32>> = vec![HashSet::new(); 3];
    let mut maybe: Option<HashSet<u32>> = None;
    for i in 0..n {
        let c = char::from_u32(i * 7919 % 0x10FFFF).unwrap_or('x');
        seen.insert(c);
        by_len[(i % 3) as usize].insert(i / 3);
        if i == n / 2 {
            let mut t: HashSet<u32> = HashSet::new();
            t.insert(i);
            t.insert(i + 1);
            maybe = Some(t);
        }
    }
    let kept = match maybe {
        Some(s) => s.len(),
        None => 0,
    };
    seen.len() * 1000 + by_len[1].len() * 10 + kept
});

#[test]
fn sets_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 6, 50] {
        assert_eq!(basics(n), basics_rs(n), "n = {n}");
        assert_eq!(iterate(n as u64), iterate_rs(n as u64), "n = {n}");
        assert_eq!(distinct_chars(n), distinct_chars_rs(n), "n = {n}");
    }
    for seed in [0, 9] {
        assert_eq!(tuple_keys(seed, 50_000), tuple_keys_rs(seed, 50_000));
    }
    assert!(balanced_since(&before));
}

#[jit]
fn pass_through(mut s: HashSet<(i8, u64)>, k: (i8, u64)) -> HashSet<(i8, u64)> {
    s.insert(k);
    s.remove(&(0, 0));
    s
}

#[jit]
fn union_len(a: HashSet<u32>, b: HashSet<u32>) -> usize {
    let mut out = a;
    for k in b {
        out.insert(k);
    }
    out.len()
}

#[jitclass]
pub struct Seen {
    pub ids: HashSet<u32>,
    pub hits: i64,
}

#[jitclass]
impl Seen {
    pub fn new() -> Seen {
        Seen {
            ids: HashSet::new(),
            hits: 0,
        }
    }

    /// Whether `id` was seen before.
    pub fn see(&mut self, id: u32) -> bool {
        if self.ids.insert(id) {
            false
        } else {
            self.hits += 1;
            true
        }
    }

    pub fn forget(&mut self, id: u32) -> bool {
        self.ids.remove(&id)
    }
}

#[test]
fn sets_cross_as_std_sets_and_live_in_fields() {
    let _m = memory_test();
    let before = jitclass::stats();
    let s: HashSet<(i8, u64)> = [(0, 0), (-1, u64::MAX), (5, 5)].into_iter().collect();
    let out = pass_through(s.clone(), (7, 7));
    let mut expected = s;
    expected.insert((7, 7));
    expected.remove(&(0, 0));
    assert_eq!(out, expected);
    let a: HashSet<u32> = (0..10).collect();
    let b: HashSet<u32> = (5..30).collect();
    assert_eq!(union_len(a, b), 30);
    let mut seen = Seen::new();
    assert!(!seen.see(3));
    assert!(seen.see(3));
    assert!(!seen.see(4));
    assert!(seen.forget(4));
    assert!(!seen.forget(4));
    assert_eq!(seen.hits(), 1);
    // A getter copies: changing the copy leaves the field alone.
    let mut copy = seen.ids();
    assert_eq!(copy, HashSet::from([3]));
    copy.insert(10);
    assert_eq!(seen.ids(), HashSet::from([3]));
    seen.set_ids(copy);
    assert!(seen.see(10));
    assert_eq!(format!("{seen:?}").matches("10").count(), 1, "{seen:?}");
    drop(seen);
    assert!(balanced_since(&before));
}

/// A loop over `a.ids` while another handle of the instance clears it.
#[jit]
fn loop_through_two_handles() -> u32 {
    let mut a = Seen::new();
    let mut b = a.clone();
    for k in 0..4u32 {
        a.ids.insert(k);
    }
    let mut total = 0;
    for k in &a.ids {
        total += *k;
        b.ids.remove(&3);
    }
    total
}

#[test]
fn a_set_changed_during_its_loop_through_another_handle_panics() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(loop_through_two_handles);
    assert!(
        message.starts_with("already borrowed: a loop over a `HashSet`"),
        "{message}"
    );
    assert!(balanced_since(&before));
}

/// A generic body, which only jitclass checks: the set's key type comes from `T`.
#[jit]
fn distinct<T>(xs: Vec<T>) -> usize {
    let mut s = HashSet::new();
    for x in &xs {
        s.insert(*x);
    }
    let mut removed = 0;
    for x in &xs {
        let y = *x;
        if s.remove(&y) {
            removed += 1;
        }
    }
    removed * 100 + s.len()
}

#[test]
fn generic_bodies_make_sets_of_their_type_arguments() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(distinct(vec![3u8, 1, 3, 2]), 300);
    assert_eq!(distinct(vec![(1i64, 'a'), (1, 'b'), (1, 'a')]), 200);
    assert_eq!(distinct(Vec::<bool>::new()), 0);
    assert!(balanced_since(&before));
}

#[jit]
fn sizes(v: Vec<HashSet<u16>>, extra: Option<HashSet<u16>>) -> Option<HashSet<u16>> {
    let mut total: HashSet<u16> = HashSet::new();
    for s in v {
        for k in s {
            total.insert(k);
        }
    }
    match extra {
        Some(e) => {
            for k in &e {
                total.insert(*k);
            }
            Some(total)
        }
        None => None,
    }
}

#[test]
fn sets_cross_inside_vecs_and_options() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![
        HashSet::from([1u16, 2]),
        HashSet::new(),
        HashSet::from([2, 3]),
    ];
    assert_eq!(
        sizes(v.clone(), Some(HashSet::from([9]))),
        Some(HashSet::from([1, 2, 3, 9]))
    );
    assert_eq!(sizes(v, None), None);
    assert!(balanced_since(&before));
}
