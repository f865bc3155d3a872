//! `m.get(&k).unwrap().clone()` of a map of `String`s (and its neighbours `.len()`,
//! `.cloned()`, a `Vec<String>`'s `v.get(i).unwrap().clone()`): the reference is read at
//! once, as rustc builds it; each run against the same code built as plain Rust, with
//! `stats()` balanced.

use crate::{balanced_since, memory_test};
use jitclass::jit;
use std::collections::HashMap;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(read_back, rust_read_back, fn(n: i64) -> (String, usize, bool, Option<String>) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(n, String::from("v"));
    m.insert(n + 1, String::new());
    let mut got = m.get(&n).unwrap().clone();
    got.push('!');
    let len = m.get(&n).unwrap().len();
    let empty = m.get(&(n + 1)).unwrap().is_empty();
    (got, len, empty, m.get(&(n + 2)).cloned())
});

twice!(element_back, rust_element_back, fn(n: usize) -> (String, String) {
    let mut v: Vec<String> = Vec::new();
    v.push(String::from("a"));
    v.push(String::from("bc"));
    let mut first = v.get(n % 2).unwrap().clone();
    first.push_str("+");
    (first, v.get(1).unwrap().clone())
});

#[test]
fn map_get_text_read_at_once() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [1, 4] {
        assert_eq!(read_back(n), rust_read_back(n));
        assert_eq!(element_back(n as usize), rust_element_back(n as usize));
    }
    assert_eq!(read_back(1).0, "v!");
    assert!(balanced_since(&before));
}
