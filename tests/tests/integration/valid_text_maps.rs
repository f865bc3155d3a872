//! Valid Rust with text, maps and loops that jitclass once refused, each run against the
//! same code built as plain Rust.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unreachable_code, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// ---- String keys ---------------------------------------------------------------------------

// A discarded `entry(..).or_insert_with(..)` / `.or_insert(..)`: the entry is made, the
// reference dropped (it was "cannot move out of index of `HashMap`").
twice!(discarded_entry, discarded_entry_rs, fn(w: &str) -> usize {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    m.entry(w.to_string()).or_insert_with(Vec::new);
    m.entry(w.to_string()).or_insert_with(Vec::new).push(w.to_string());
    m.entry("z".to_string()).or_insert(vec![String::new()]);
    let mut n = 0;
    for (_, v) in &m {
        n += v.len();
    }
    m.len() * 10 + n
});

// `v[0]` on the `&mut Vec<String>` of `get_mut` and of a `&mut` loop: the element in place.
twice!(element_through_get_mut, element_through_get_mut_rs, fn(w: &str) -> String {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    m.insert(w.to_string(), vec![String::new()]);
    if let Some(v) = m.get_mut(w) {
        v[0].push('m');
        v[0].push_str(w);
    }
    let mut rows = vec![vec![1i64, 2], vec![3]];
    for r in &mut rows {
        r[0] += 10;
    }
    let mut out = String::new();
    if let Some(v) = m.get_mut(w) {
        out.push_str(&v[0]);
    }
    write!(out, "{}", rows[0][0] + rows[1][0]).unwrap();
    out
});

// A loop's `&String` where a `&str` or a `&String` is expected.
twice!(deref_coercion, deref_coercion_rs, fn(w: &str) -> String {
    let mut m: HashMap<String, String> = HashMap::new();
    m.insert(w.to_string(), w.to_string());
    m.insert("k".to_string(), "v".to_string());
    let keys: Vec<String> = vec!["k".to_string(), w.to_string(), "k".to_string()];
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = String::new();
    for k in &keys {
        out.push_str(k);
        if m.contains_key(k) && !seen.contains(k) && k.starts_with(w) {
            out.push('!');
        }
        seen.insert(k.clone());
    }
    out
});

#[test]
fn string_keys_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    for w in ["a", "k", ""] {
        assert_eq!(discarded_entry(w), discarded_entry_rs(w));
        assert_eq!(element_through_get_mut(w), element_through_get_mut_rs(w));
        assert_eq!(deref_coercion(w), deref_coercion_rs(w));
    }
    assert!(balanced_since(&before));
}

// ---- `write!` into elements ----------------------------------------------------------------

// `write!(t, ..)` into the `&mut String` of a `&mut` loop, `iter_mut()` and `get_mut`.
twice!(write_loop_elements, write_loop_elements_rs, fn(n: i64) -> String {
    let mut v: Vec<String> = vec![String::new(), String::from("x")];
    for t in &mut v {
        write!(t, "{}", n).unwrap();
    }
    for t in v.iter_mut() {
        writeln!(t, "!").unwrap();
    }
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    if let Some(t) = m.get_mut(&1) {
        write!(t, "={}", n).unwrap();
    }
    let mut out = String::new();
    for (_, t) in &m {
        out.push_str(t);
    }
    format!("{}|{}|{}", v[0], v[1], out)
});

// `write!(v[i + 1], ..)`: the index is evaluated once, before the arguments.
twice!(write_computed_index, write_computed_index_rs, fn(i: usize) -> String {
    let mut v: Vec<String> = vec![String::new(), String::new(), String::new()];
    let mut j = i;
    write!(v[j + 1], "{}{}", j, j * 2).unwrap();
    write!(v[{ j += 1; j }], "<{}>", j).unwrap();
    let mut out = String::new();
    for s in &v {
        out.push_str(s);
        out.push('|');
    }
    out
});

#[test]
fn writes_into_elements_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(write_loop_elements(5), write_loop_elements_rs(5));
    assert_eq!(write_computed_index(0), write_computed_index_rs(0));
    assert_eq!(write_computed_index(1), write_computed_index_rs(1));
    assert!(balanced_since(&before));
}

// ---- a loop over a `match`-bound `&Vec` ----------------------------------------------------

// `x` is a `&f64`: rustc wants `*x`.
twice!(positives, positives_rs, fn(v: &Vec<Option<Vec<f64>>>) -> usize {
    let mut n = 0;
    for o in v {
        if let Some(w) = o {
            for x in w {
                if *x > 0.0 {
                    n += 1;
                }
            }
        }
    }
    for o in v {
        match o {
            Some(w) => {
                for x in w {
                    n += (*x < 0.0) as usize * 10;
                }
            }
            None => n += 100,
        }
    }
    n
});

#[test]
fn deref_of_a_match_bound_loop_element_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![Some(vec![1.0, -1.0]), None, Some(vec![2.0])];
    assert_eq!(positives(&v), positives_rs(&v));
    assert!(balanced_since(&before));
}

// ---- `derive(Eq, Hash)` beside a hand-written `PartialEq` ---------------------------------

#[jitclass]
#[derive(Eq, Hash)]
pub struct HandEq {
    pub x: i64,
    pub tag: u8,
}

#[jitclass]
impl HandEq {
    pub fn new(x: i64, tag: u8) -> HandEq {
        HandEq { x, tag }
    }
}

/// Equal when `x` is: `tag` is ignored.
#[jitclass]
impl PartialEq for HandEq {
    fn eq(&self, o: &HandEq) -> bool {
        self.x == o.x
    }
}

#[jit]
fn hand_eq(a: i64, b: i64) -> bool {
    HandEq::new(a, 1) == HandEq::new(b, 2)
}

// The shape under test: derived `Hash` beside a hand-written `PartialEq`.
#[allow(clippy::derived_hash_with_manual_eq)]
mod rust {
    #[derive(Eq, Hash)]
    pub struct HandEq {
        pub x: i64,
        pub tag: u8,
    }

    impl PartialEq for HandEq {
        fn eq(&self, o: &HandEq) -> bool {
            self.x == o.x
        }
    }

    pub fn hand_eq(a: i64, b: i64) -> bool {
        HandEq { x: a, tag: 1 } == HandEq { x: b, tag: 2 }
    }
}

#[test]
fn derived_eq_beside_a_hand_written_partial_eq_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (a, b) in [(1, 1), (1, 2)] {
        assert_eq!(hand_eq(a, b), rust::hand_eq(a, b));
        assert_eq!(
            HandEq::new(a, 1) == HandEq::new(b, 2),
            rust::HandEq { x: a, tag: 1 } == rust::HandEq { x: b, tag: 2 }
        );
    }
    fn is_eq<T: Eq + std::hash::Hash>(_: &T) {}
    is_eq(&HandEq::new(1, 1));
    assert!(balanced_since(&before));
}

// ---- `for e in a` over an array, assigning to it -------------------------------------------

// The loop iterates a copy (Rust 2021's `IntoIterator` for arrays by value): the body's
// writes do not reach the elements still to come.
twice!(array_loop_then_assign, array_loop_then_assign_rs, fn(x: i64) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        a[1] += e;
        s = s * 10 + e;
    }
    s + a[3] + a[1]
});

#[test]
fn array_loop_then_assign_as_rust() {
    let _m = memory_test();
    for x in [1, 7] {
        assert_eq!(array_loop_then_assign(x), array_loop_then_assign_rs(x));
    }
}
