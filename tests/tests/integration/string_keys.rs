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
