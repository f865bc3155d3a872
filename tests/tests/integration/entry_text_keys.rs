//! `m.entry(w.to_string()).or_insert(v)` (and `w.to_owned()`, `String::from(w)`) with a
//! `&str` `w` on a `String`-keyed map, which jit code searches by `w` and makes the
//! `String` of only for a new key: each function compiled by jitclass and by rustc from
//! the same tokens and the results compared, with keys new and already there, managed
//! values dropped or stored, panics around the entry, and `jitclass::stats()` balanced.

use crate::{assert_no_leaks, balanced_since, memory_test, panic_message};
use jitclass::jit;
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

twice!(three_spellings, three_spellings_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut i = 0i64;
    for w in s.split_whitespace() {
        i += 1;
        if i % 3 == 0 {
            *m.entry(w.to_string()).or_insert(0) += 1;
        } else if i % 3 == 1 {
            *m.entry(w.to_owned()).or_insert(10) += 2;
        } else {
            *m.entry(String::from(w)).or_insert(100) += 3;
        }
    }
    let mut acc = m.len() as i64;
    for (k, v) in &m {
        acc += *v * (k.len() as i64 + 1);
    }
    acc
});

// Texts that are parts of others (`trim`, a range, a `String`'s view), and a key made of
// a `String` (not a `&str`: made as before).
twice!(texts_of_parts, texts_of_parts_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let owned = s.to_string();
    *m.entry(s.trim().to_string()).or_insert(0) += 1;
    *m.entry(owned.as_str().trim().to_string()).or_insert(0) += 10;
    *m.entry(owned.to_string()).or_insert(0) += 100;
    *m.entry(s.to_owned()).or_insert(0) += 1000;
    if s.starts_with("a") {
        *m.entry(s[1..].to_string()).or_insert(0) += 10000;
    }
    let mut acc = m.len() as i64;
    for (k, v) in &m {
        acc += *v * (k.len() as i64 + 1) * 3;
    }
    acc + owned.len() as i64
});

// A managed value: stored for a new key, dropped unused for one already there.
twice!(lists_by_word, lists_by_word_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, Vec<i64>> = HashMap::new();
    let mut i = 0i64;
    for w in s.split_whitespace() {
        i += 1;
        let list = m.entry(w.to_string()).or_insert(vec![i]);
        list.push(i * 10);
    }
    let mut acc = m.len() as i64;
    for (k, v) in &m {
        let mut sum = 0i64;
        for x in v {
            sum += *x;
        }
        acc += sum * (k.len() as i64 + 1);
    }
    acc
});

const TEXTS: &[&str] = &[
    "",
    " ",
    "a",
    "a a a",
    "the quick brown fox jumps over the lazy dog the end",
    "é ü é  ü é 😀 😀 x",
    "  leading and trailing  ",
    "b a b a c a b a",
];

#[test]
fn entries_keyed_by_text_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for t in TEXTS {
        assert_eq!(three_spellings(t), three_spellings_rs(t), "{t:?}");
        assert_eq!(texts_of_parts(t), texts_of_parts_rs(t), "{t:?}");
        assert_eq!(lists_by_word(t), lists_by_word_rs(t), "{t:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// `w` counted `n` times into a new map.
#[jit]
fn count_one_word(w: &str, n: i64) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    for _ in 0..n {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m.get(w).copied().unwrap_or(0)
}

#[test]
fn a_key_already_there_allocates_nothing() {
    let _m = memory_test();
    let allocations = |n: i64| {
        let before = jitclass::stats();
        assert_eq!(count_one_word("word", n), n);
        let since = jitclass::stats().since(&before);
        assert!(since.is_balanced(), "{since:?}");
        since.allocations
    };
    // The first call compiles; a warm-up.
    allocations(1);
    assert_eq!(allocations(1), allocations(100));
    assert_no_leaks();
}

/// Panics before the entry (in the value's expression, the key not yet made), after a
/// new key's entry (with a managed value stored), and after an existing key's (its value
/// dropped unused).
#[jit]
fn panics_around_text_keys(s: &str, n: i64, at: i64) -> i64 {
    let mut m: HashMap<String, Vec<i64>> = HashMap::new();
    for w in s.split_whitespace() {
        m.entry(w.to_string()).or_insert(vec![1]).push(2);
    }
    if at == 0 {
        m.entry("new".to_string())
            .or_insert(vec![1 / (n - n)])
            .push(3);
    }
    if at == 1 {
        m.entry("new".to_string())
            .or_insert(vec![5])
            .push(1 / (n - n));
    }
    if at == 2 {
        m.entry("a".to_string())
            .or_insert(vec![5])
            .push(1 / (n - n));
    }
    let mut total = 0i64;
    for (_, v) in &m {
        total += v.len() as i64;
    }
    total
}

#[test]
fn panics_around_text_keys_release_everything() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(panics_around_text_keys("a b a", 1, 9), 5);
    for at in 0..3 {
        let message = panic_message(|| panics_around_text_keys("a b a é", 1, at));
        assert!(
            message.contains("attempt to divide by zero"),
            "{at}: {message}"
        );
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
