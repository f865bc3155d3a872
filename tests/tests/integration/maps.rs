//! `HashMap<K, V>` in jit code: each function is compiled twice from the same tokens, by
//! jitclass and by rustc (std's `HashMap`), and the results compared.

use crate::{assert_no_leaks, balanced_since, memory_test};
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

twice!(basics, basics_rs, fn(n: u32) -> i64 {
    let mut m: HashMap<u32, i64> = HashMap::new();
    let mut acc = 0i64;
    for i in 0..n {
        if let Some(old) = m.insert(i % 7, i as i64) {
            acc += old;
        }
    }
    acc = acc * 1000 + m.len() as i64;
    if m.contains_key(&3) {
        acc += 1;
    }
    if !m.contains_key(&100) {
        acc += 2;
    }
    match m.get(&5) {
        Some(v) => acc += *v * 10,
        None => acc -= 1,
    }
    if let Some(&v) = m.get(&6) {
        acc += v;
    }
    acc += m.get(&4).copied().unwrap_or(-1);
    acc += m.remove(&2).unwrap_or(-5) * 3;
    acc += m.remove(&2).unwrap_or(-5);
    acc += m.len() as i64 * 100;
    let empty_before = m.is_empty() as i64;
    m.clear();
    acc + empty_before * 7 + m.is_empty() as i64 * 11 + m.len() as i64
});

twice!(counts, counts_rs, fn(n: u32) -> i64 {
    let mut m = HashMap::with_capacity(4);
    for i in 0..n {
        *m.entry((i * 7919) % 13).or_insert(0i64) += 1;
    }
    let mut acc = 0;
    for k in 0..13u32 {
        acc = acc * 3 + m.get(&k).copied().unwrap_or(0);
    }
    acc
});

twice!(keys_of_many_types, keys_of_many_types_rs, fn(n: i32) -> i64 {
    let mut a: HashMap<(i8, bool), u16> = HashMap::new();
    let mut b: HashMap<char, (f64, i64)> = HashMap::new();
    let mut c: HashMap<(u64, (char, isize)), Option<i32>> = HashMap::new();
    for i in 0..n {
        *a.entry(((i % 5) as i8 - 2, i % 2 == 0)).or_insert(0) += 1;
        let ch = (b'a' + (i % 26) as u8) as char;
        b.insert(ch, (i as f64 * 0.5, i as i64));
        c.insert((i as u64 % 9, (ch, -(i as isize))), if i % 3 == 0 { None } else { Some(i) });
    }
    let mut acc = a.len() as i64 * 1000 + b.len() as i64 * 100 + c.len() as i64;
    acc += a.get(&(0, true)).copied().unwrap_or(0) as i64;
    if let Some(x) = b.get(&'c') {
        acc += x.1 + x.0 as i64;
    }
    if let Some(v) = c.get(&(4, ('e', -4))).copied() {
        acc += v.unwrap_or(-1) as i64 * 10000;
    }
    acc
});

twice!(entry_forms, entry_forms_rs, fn(n: u32) -> u64 {
    let mut m: HashMap<u32, Vec<u32>> = HashMap::new();
    for i in 0..n {
        m.entry(i % 4).or_insert_with(Vec::new).push(i);
    }
    let mut sums: HashMap<u32, u64> = HashMap::new();
    for k in 0..4u32 {
        let c = sums.entry(k).or_insert(100);
        *c += 1;
        *c *= 2;
        if let Some(v) = m.get_mut(&k) {
            v.push(1000);
            *sums.entry(k).or_insert(0) += v.len() as u64;
        }
    }
    if let Some(x) = sums.get_mut(&2) {
        *x += 5;
    }
    *sums.get_mut(&1).unwrap() += 50;
    let mut acc = 0u64;
    for k in 0..4u32 {
        acc = acc * 1000 + sums.get(&k).copied().unwrap_or(0);
    }
    acc
});

#[test]
fn maps_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 5, 20, 100, 1000] {
        assert_eq!(basics(n), basics_rs(n), "n = {n}");
        assert_eq!(counts(n), counts_rs(n), "n = {n}");
        assert_eq!(
            keys_of_many_types(n as i32),
            keys_of_many_types_rs(n as i32)
        );
        assert_eq!(entry_forms(n), entry_forms_rs(n), "n = {n}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// A map from Rust, changed, and back to Rust (a copy each way).
#[jit]
fn bump(mut m: HashMap<(u8, char), Vec<i32>>, k: (u8, char)) -> HashMap<(u8, char), Vec<i32>> {
    m.entry(k).or_insert_with(Vec::new).push(7);
    if let Some(v) = m.get_mut(&(0, 'a')) {
        v.clear();
    }
    m.remove(&(9, 'z'));
    m
}

#[jit]
fn count_words(words: &[u32]) -> HashMap<u32, usize> {
    let mut m = HashMap::new();
    for i in 0..words.len() {
        *m.entry(words[i]).or_insert(0) += 1;
    }
    m
}

#[test]
fn maps_cross_to_rust_as_std_maps() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut m: HashMap<(u8, char), Vec<i32>> = HashMap::new();
    m.insert((0, 'a'), vec![1, 2]);
    m.insert((9, 'z'), vec![3]);
    m.insert((1, 'b'), vec![]);
    let mut expected = m.clone();
    expected.entry((1, 'b')).or_default().push(7);
    expected.get_mut(&(0, 'a')).unwrap().clear();
    expected.remove(&(9, 'z'));
    assert_eq!(bump(m, (1, 'b')), expected);
    let words: Vec<u32> = (0..500).map(|i| (i * i) % 37).collect();
    let mut counts = HashMap::new();
    for w in &words {
        *counts.entry(*w).or_insert(0) += 1;
    }
    assert_eq!(count_words(&words), counts);
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct Tally {
    pub counts: HashMap<i64, i64>,
    pub total: i64,
}

#[jitclass]
impl Tally {
    pub fn new() -> Tally {
        Tally {
            counts: HashMap::new(),
            total: 0,
        }
    }

    pub fn add(&mut self, x: i64) {
        *self.counts.entry(x % 10).or_insert(0) += x;
        self.total += 1;
    }

    pub fn take(&mut self, k: i64) -> Option<i64> {
        self.counts.remove(&k)
    }

    pub fn get(&self, k: i64) -> i64 {
        self.counts.get(&k).copied().unwrap_or(-1)
    }
}

#[test]
fn maps_are_fields() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut t = Tally::new();
        let mut model: HashMap<i64, i64> = HashMap::new();
        for x in 0..200 {
            t.add(x);
            *model.entry(x % 10).or_insert(0) += x;
        }
        assert_eq!(t.counts(), model);
        assert_eq!(t.take(3), model.remove(&3));
        assert_eq!(t.take(3), None);
        assert_eq!(t.get(4), model[&4]);
        let copy = t.counts();
        t.set_counts(HashMap::from([(1, 2)]));
        assert_eq!(t.get(1), 2);
        assert_eq!(t.get(4), -1);
        assert_eq!(copy, model);
        assert_eq!(t.total(), 200);
    }
    assert!(balanced_since(&before));
}

// Heavy insert/remove churn over a small key range (growth, tombstones, the last entry
// moved into each hole), against std's map on the same operations.
twice!(churn, churn_rs, fn(seed: u64, steps: u32) -> u64 {
    let mut m: HashMap<(u16, bool), u64> = HashMap::new();
    let mut x = seed;
    let mut acc = 0u64;
    for step in 0..steps {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let k = (((x >> 33) % 97) as u16, (x >> 40) % 2 == 0);
        let op = (x >> 50) % 4;
        if op == 0 {
            acc = acc.wrapping_add(m.remove(&k).unwrap_or(7));
        } else if op == 1 {
            acc = acc.wrapping_add(m.insert(k, step as u64).unwrap_or(3));
        } else if op == 2 {
            *m.entry(k).or_insert(11) += 1;
        } else if m.contains_key(&k) {
            acc = acc.wrapping_mul(31).wrapping_add(m.get(&k).copied().unwrap_or(0));
        }
        if step % 1000 == 999 && (x >> 20) % 3 == 0 {
            m.clear();
        }
        acc = acc.wrapping_add(m.len() as u64);
    }
    for a in 0..97u16 {
        for b in [false, true] {
            acc = acc.wrapping_mul(131).wrapping_add(m.get(&(a, b)).copied().unwrap_or(5));
        }
    }
    acc
});

#[test]
fn churn_agrees_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for seed in [1, 2, 3, 99, 12345] {
        assert_eq!(churn(seed, 20_000), churn_rs(seed, 20_000), "seed {seed}");
    }
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct Token {
    pub id: i64,
}

#[jitclass]
impl Token {
    pub fn new(id: i64) -> Token {
        Token { id }
    }
}

/// Instances and `Option`s of them as values: replaced, removed, cleared, dropped.
#[jit]
fn tokens(n: i64) -> i64 {
    let mut m: HashMap<i64, (Token, Option<Token>)> = HashMap::with_capacity(2);
    for i in 0..n {
        let old = m.insert(
            i % 5,
            (
                Token::new(i),
                if i % 2 == 0 {
                    Some(Token::new(-i))
                } else {
                    None
                },
            ),
        );
        if let Some(t) = old {
            m.insert(100 + i, t);
        }
    }
    let mut acc = 0;
    if let Some(t) = m.remove(&(100 + n - 1)) {
        acc += t.0.id;
    }
    if let Some(t) = m.get(&2) {
        acc += t.0.id * 1000;
    }
    m.remove(&3);
    let kept = m.len() as i64;
    m.clear();
    acc + kept * 1_000_000 + m.len() as i64
}

/// A panic while a value waits to be inserted (its argument panics after the value was
/// made), and one from a default of `or_insert_with`.
#[jit]
fn panics_mid_insert(n: i64) -> i64 {
    let mut m: HashMap<i64, Vec<Token>> = HashMap::new();
    for i in 0..n {
        m.entry(i).or_insert_with(Vec::new).push(Token::new(i));
    }
    m.insert(n, vec![Token::new(0), Token::new(1 / (n - n))]);
    0
}

#[jit]
fn panics_in_default(n: i64) -> i64 {
    let mut m: HashMap<i64, Token> = HashMap::new();
    m.insert(1, Token::new(1));
    let t = m.entry(2).or_insert_with(|| Token::new(10 / (n - n)));
    (*t).id
}

#[test]
fn instance_values_are_counted_and_released() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 6, 40] {
        let expected = {
            let mut m: HashMap<i64, (i64, Option<i64>)> = HashMap::new();
            for i in 0..n {
                if let Some(t) = m.insert(i % 5, (i, if i % 2 == 0 { Some(-i) } else { None })) {
                    m.insert(100 + i, t);
                }
            }
            let mut acc = 0;
            if let Some(t) = m.remove(&(100 + n - 1)) {
                acc += t.0;
            }
            if let Some(t) = m.get(&2) {
                acc += t.0 * 1000;
            }
            m.remove(&3);
            acc + m.len() as i64 * 1_000_000
        };
        assert_eq!(tokens(n), expected, "n = {n}");
    }
    let message = std::panic::catch_unwind(|| panics_mid_insert(5)).expect_err("panics");
    assert!(
        message
            .downcast_ref::<String>()
            .is_some_and(|m| m.contains("attempt to divide by zero")),
    );
    assert!(std::panic::catch_unwind(|| panics_in_default(3)).is_err());
    assert!(balanced_since(&before));
}

/// A generic body: specialised per key type.
#[jit]
fn distinct<T>(xs: &[T]) -> usize {
    let mut m = HashMap::new();
    for i in 0..xs.len() {
        m.insert(xs[i], i);
    }
    m.len()
}

#[test]
fn generic_bodies_use_maps() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(distinct(&[1u8, 2, 1, 3, 2]), 3);
    assert_eq!(distinct(&['a', 'b', 'a']), 2);
    assert_eq!(distinct(&[true, true]), 1);
    assert!(balanced_since(&before));
}

// Iteration: order is unspecified in both (and differs), so only order-independent
// results are compared.
twice!(iterate, iterate_rs, fn(n: u32) -> u64 {
    let mut m: HashMap<u32, (u64, i32)> = HashMap::new();
    for i in 0..n {
        m.insert(i * 3 % 17, (i as u64, -(i as i32)));
    }
    m.remove(&5);
    let mut acc = 0u64;
    for (k, v) in &m {
        acc = acc.wrapping_add((*k as u64 + 1).wrapping_mul(v.0 + 7));
    }
    for (k, v) in &mut m {
        v.0 += *k as u64;
        v.1 -= 1;
    }
    for v in m.values_mut() {
        v.0 *= 3;
    }
    for k in m.keys() {
        acc = acc.wrapping_add(*k as u64 * 1000);
    }
    for v in m.values() {
        acc = acc.wrapping_add(v.0).wrapping_add(v.1 as u64);
    }
    for (k, v) in m.iter() {
        acc ^= (*k as u64) << (v.0 % 13);
    }
    let mut total = 0u64;
    for (k, v) in m {
        total = total.wrapping_add(k as u64 * v.0);
    }
    acc.wrapping_add(total)
});

#[jit]
fn keys_of_tokens(n: i64) -> i64 {
    let mut m: HashMap<i64, Vec<Token>> = HashMap::new();
    for i in 0..n {
        m.entry(i % 3).or_insert_with(Vec::new).push(Token::new(i));
    }
    let mut acc = 0;
    for (k, tokens) in m {
        for t in &tokens {
            acc += k * 1000 + t.id;
        }
        if k == 1 {
            break;
        }
    }
    acc
}

#[test]
fn iteration_agrees_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 7, 40] {
        assert_eq!(iterate(n), iterate_rs(n), "n = {n}");
        let got = keys_of_tokens(n as i64);
        assert!(got >= 0);
    }
    assert_eq!(keys_of_tokens(2), 1001);
    assert!(balanced_since(&before));
}
