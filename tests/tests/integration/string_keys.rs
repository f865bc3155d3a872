//! `HashMap<String, V>` and `HashSet<String>` in jit code: each function is compiled
//! twice from the same tokens, by jitclass and by rustc (std's maps), and the results
//! compared; the counts of `jitclass::stats()` balance.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::jit;
use std::collections::{HashMap, HashSet};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(word_count, word_count_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    for w in s.split_whitespace() {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    let mut acc = m.len() as i64;
    acc = acc * 1000 + m.get("the").copied().unwrap_or(0);
    if m.contains_key("fox") {
        acc += 7;
    }
    acc
});

twice!(mode, mode_rs, fn(s: &str) -> String {
    let mut m: HashMap<String, i64> = HashMap::new();
    for w in s.split_whitespace() {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    let mut best = String::new();
    let mut best_n = 0i64;
    for (k, v) in &m {
        if *v > best_n || (*v == best_n && k.as_str() < best.as_str()) {
            best_n = *v;
            best = k.clone();
        }
    }
    best
});

twice!(lookups, lookups_rs, fn(s: &str, w: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut i = 0i64;
    for part in s.split(",") {
        m.insert(part.to_string(), i);
        i += 1;
    }
    let owned = w.to_string();
    let mut acc = m.get(w).copied().unwrap_or(-1);
    acc = acc * 100 + m.get(&owned).copied().unwrap_or(-1);
    acc = acc * 100 + m.get("b").copied().unwrap_or(-1);
    acc = acc * 100 + m.get(owned.as_str()).copied().unwrap_or(-1);
    if let Some(v) = m.get_mut(w) {
        *v += 50;
    }
    acc = acc * 1000 + m.get(w).copied().unwrap_or(-1);
    acc = acc * 100 + m.remove(w).unwrap_or(-7);
    acc = acc * 100 + m.remove(&owned).unwrap_or(-7);
    acc * 100 + m.len() as i64
});

twice!(iterate, iterate_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    for w in s.split_whitespace() {
        let n = w.len() as i64;
        m.insert(w.to_string(), n);
    }
    let mut acc = 0i64;
    for (k, v) in &m {
        acc += k.len() as i64 * 3 + *v;
        if k == "x" {
            acc += 1000;
        }
    }
    for k in m.keys() {
        acc += k.len() as i64;
    }
    for v in m.values_mut() {
        *v += 1;
    }
    for v in m.values() {
        acc += *v;
    }
    acc
});

twice!(set_of_words, set_of_words_rs, fn(s: &str) -> i64 {
    let mut seen: HashSet<String> = HashSet::new();
    let mut acc = 0i64;
    for w in s.split_whitespace() {
        if seen.insert(w.to_string()) {
            acc += 1;
        }
    }
    if seen.contains("a") {
        acc += 100;
    }
    if seen.remove("b") {
        acc += 1000;
    }
    let mut total = 0usize;
    for w in &seen {
        total += w.len();
    }
    acc * 1000 + total as i64 + seen.len() as i64
});

twice!(insert_moves, insert_moves_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut acc = 0i64;
    let mut i = 0i64;
    for w in s.split_whitespace() {
        let k = w.to_string();
        i += 1;
        if let Some(old) = m.insert(k, i) {
            acc += old;
        }
    }
    acc = acc * 100 + m.len() as i64;
    m.clear();
    acc * 100 + m.len() as i64
});

const TEXTS: &[&str] = &[
    "",
    "the quick brown fox jumps over the lazy dog the end",
    "a b a b a c x x x",
    "é ü é  ü é 😀 😀 x",
    "  leading and trailing  ",
];

#[test]
fn string_keys_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for t in TEXTS {
        assert_eq!(word_count(t), word_count_rs(t), "{t:?}");
        assert_eq!(mode(t), mode_rs(t), "{t:?}");
        assert_eq!(iterate(t), iterate_rs(t), "{t:?}");
        assert_eq!(set_of_words(t), set_of_words_rs(t), "{t:?}");
        assert_eq!(insert_moves(t), insert_moves_rs(t), "{t:?}");
    }
    for (s, w) in [
        ("a,b,c", "a"),
        ("a,b,c", "zz"),
        (",é,,b", ""),
        ("é,😀", "😀"),
    ] {
        assert_eq!(lookups(s, w), lookups_rs(s, w), "{s:?} {w:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// Random words (some empty, some not ASCII) put, searched and removed; the result sums
// what every operation saw.
twice!(churn, churn_rs, fn(words: &str, ops: &[u32]) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut s: HashSet<String> = HashSet::new();
    let mut acc = 0i64;
    let mut all: Vec<u32> = Vec::new();
    for w in words.split(",") {
        all.push(w.len() as u32);
    }
    let mut i = 0usize;
    for w in words.split(",") {
        let op = ops[i % ops.len()];
        i += 1;
        let op6 = op % 6;
        if op6 < 2 {
            *m.entry(w.to_string()).or_insert(0) += op as i64;
            s.insert(w.to_string());
        } else if op6 == 2 {
            acc += m.remove(w).unwrap_or(-1);
            if s.remove(w) {
                acc += 3;
            }
        } else if op6 == 3 {
            if let Some(old) = m.insert(w.to_string(), i as i64) {
                acc += old * 2;
            }
        } else if op6 == 4 {
            acc += m.get(w).copied().unwrap_or(-2);
            if s.contains(w) {
                acc += 5;
            }
        } else if op % 17 == 0 {
            m.clear();
        }
        acc = acc.wrapping_mul(31).wrapping_add(m.len() as i64 + s.len() as i64 * 7);
    }
    let mut keys = 0i64;
    for (k, v) in &m {
        keys = keys.wrapping_add((k.len() as i64 + 1).wrapping_mul(*v));
    }
    acc.wrapping_add(keys) + all.len() as i64
});

/// `n` words from a small alphabet with `é`, `😀` and empty words, separated by `,`.
fn random_words(seed: u64, n: usize) -> String {
    const PARTS: &[&str] = &["", "a", "b", "é", "😀", "ab", "x y", "zz"];
    let mut x = seed;
    let mut out = Vec::new();
    for _ in 0..n {
        let mut w = String::new();
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for k in 0..(x >> 61) {
            w.push_str(PARTS[((x >> (8 * k + 3)) % PARTS.len() as u64) as usize]);
        }
        out.push(w);
    }
    out.join(",")
}

#[test]
fn churn_with_random_strings_agrees_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for seed in 0..20u64 {
        let words = random_words(seed, 50 + seed as usize * 40);
        let ops: Vec<u32> = (0..97u32)
            .map(|i| i.wrapping_mul(2654435761).wrapping_add(seed as u32) >> 7)
            .collect();
        assert_eq!(churn(&words, &ops), churn_rs(&words, &ops), "seed {seed}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(tuple_keys, tuple_keys_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<(String, usize), i64> = HashMap::new();
    let mut i = 0usize;
    for w in s.split_whitespace() {
        *m.entry((w.to_string(), i % 2)).or_insert(0) += 1;
        i += 1;
    }
    let probe = ("a".to_string(), 0usize);
    let mut acc = m.get(&probe).copied().unwrap_or(-1);
    acc = acc * 100 + m.remove(&probe).unwrap_or(-1);
    acc * 100 + m.len() as i64
});

#[test]
fn tuple_keys_holding_a_string_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for t in TEXTS.iter().chain(&["a a a b a", "a"]) {
        assert_eq!(tuple_keys(t), tuple_keys_rs(t), "{t:?}");
    }
    assert!(balanced_since(&before));
}

/// Maps and sets of `String`s from Rust, changed, and back (a copy each way).
#[jit]
fn bump_words(mut m: HashMap<String, i64>, w: &str) -> HashMap<String, i64> {
    *m.entry(w.to_string()).or_insert(0) += 1;
    m.remove("gone");
    m
}

#[jit]
fn distinct(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for w in s.split_whitespace() {
        out.insert(w.to_string());
    }
    out
}

#[jit]
fn total_len(s: HashSet<String>) -> usize {
    let mut n = 0;
    for w in &s {
        n += w.len();
    }
    n
}

#[test]
fn string_keyed_maps_cross_to_rust_as_std_maps() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut m = HashMap::new();
    m.insert("gone".to_string(), 1);
    m.insert("é".to_string(), 2);
    m.insert(String::new(), 3);
    let mut expected = m.clone();
    *expected.entry("é".to_string()).or_insert(0) += 1;
    expected.remove("gone");
    assert_eq!(bump_words(m, "é"), expected);
    let t = "b a 😀 a  b c";
    let set: HashSet<String> = t.split_whitespace().map(str::to_string).collect();
    assert_eq!(distinct(t), set);
    assert_eq!(
        total_len(set.clone()),
        set.iter().map(String::len).sum::<usize>()
    );
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// A generic body with `String` keys (no shadow: jitclass checks it alone).
#[jit]
fn count_by<T>(s: &str, unit: T, weight: i64) -> i64 {
    let _ = unit;
    let mut m: HashMap<String, i64> = HashMap::new();
    for w in s.split_whitespace() {
        *m.entry(w.to_string()).or_insert(0) += weight;
    }
    let mut best = 0i64;
    for (k, v) in &m {
        if *v > best && !k.is_empty() {
            best = *v;
        }
    }
    best * 1000 + m.get("a").copied().unwrap_or(0)
}

#[test]
fn string_keys_in_generic_bodies() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(count_by("a b a c a", 1u8, 2), 6006);
    assert_eq!(count_by("x y", 1.5f64, 1), 1000);
    assert!(balanced_since(&before));
}

/// Panics while a key waits to be inserted (the value's expression panics after the key
/// was made), after an insertion, and from `unwrap` of a missing key.
#[jit]
fn panics_with_string_keys(s: &str, n: i64, at: i64) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for w in s.split_whitespace() {
        *m.entry(w.to_string()).or_insert(0) += 1;
        seen.insert(w.to_string());
    }
    if at == 0 {
        m.insert("new".to_string(), 1 / (n - n));
    }
    if at == 1 {
        *m.entry("a".to_string()).or_insert(0) += 1 / (n - n);
    }
    let owned = "missing".to_string();
    if at == 2 {
        return *m.get(&owned).unwrap();
    }
    m.get("a").copied().unwrap_or(0) + seen.len() as i64
}

#[test]
fn panics_release_string_keys() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(panics_with_string_keys("a b a", 1, 9), 4);
    for at in 0..3 {
        let message = crate::panic_message(|| panics_with_string_keys("a b a é", 1, at));
        let expected = if at == 2 {
            "called `Option::unwrap()` on a `None` value"
        } else {
            "attempt to divide by zero"
        };
        assert!(message.contains(expected), "{at}: {message}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
