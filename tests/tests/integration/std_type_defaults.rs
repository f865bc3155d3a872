//! `Default` of std types named by path in jit code (`Vec::<i64>::default()`,
//! `String::default()`, `HashMap::<K, V>::default()`, `<Vec<i64>>::default()`,
//! `Default::default()` where a std type is expected, `Vec::<T>::default()` in a generic
//! body), compared with rustc's build of the same program.

use crate::{balanced_since, memory_test};
use jitclass::jit;
use std::collections::{HashMap, HashSet};

#[jit]
fn std_type_defaults(n: i64) -> (usize, usize, usize, usize, usize) {
    let mut v = Vec::<i64>::default();
    let mut s = String::default();
    let mut m = HashMap::<i64, String>::default();
    let mut q = <Vec<i64>>::default();
    let mut w: Vec<i64> = Vec::default();
    v.push(n);
    s.push_str("ab");
    m.insert(n, String::from("x"));
    q.push(n);
    q.push(n + 1);
    w.push(n);
    (v.len(), s.len(), m.len(), q.len(), w.len())
}

#[jit]
fn std_type_defaults_inferred(n: i64) -> (i64, usize, usize, bool) {
    let mut v: Vec<i64> = Default::default();
    let s: String = Default::default();
    let mut set: HashSet<i64> = HashSet::default();
    let o = Option::<i64>::default();
    v.push(n);
    set.insert(n);
    set.insert(n);
    (v[0] * 2, s.len(), set.len(), o.is_none())
}

#[jit]
fn std_paths_defaults(n: i64) -> usize {
    let mut v = std::vec::Vec::<i64>::default();
    let s = std::string::String::default();
    let m = <std::collections::HashMap<i64, i64> as Default>::default();
    v.push(n);
    v.len() + s.len() + m.len()
}

/// `Vec::<T>::default()` of a type parameter: the element type per specialisation.
#[jit]
fn empty_then_push<T: Copy>(x: T) -> Vec<T> {
    let mut v = Vec::<T>::default();
    v.push(x);
    v.push(x);
    v
}

#[jit]
fn generic_vec_defaults(n: i64) -> (usize, f64) {
    let ints = empty_then_push(n);
    let floats = empty_then_push(0.5);
    (ints.len(), floats[0] + floats[1])
}

/// The same program compiled by rustc.
#[allow(clippy::vec_init_then_push)]
mod rust {
    use std::collections::{HashMap, HashSet};

    pub fn std_type_defaults(n: i64) -> (usize, usize, usize, usize, usize) {
        let mut v = Vec::<i64>::default();
        let mut s = String::default();
        let mut m = HashMap::<i64, String>::default();
        let mut q = <Vec<i64>>::default();
        let mut w: Vec<i64> = Vec::default();
        v.push(n);
        s.push_str("ab");
        m.insert(n, String::from("x"));
        q.push(n);
        q.push(n + 1);
        w.push(n);
        (v.len(), s.len(), m.len(), q.len(), w.len())
    }

    pub fn std_type_defaults_inferred(n: i64) -> (i64, usize, usize, bool) {
        let mut v: Vec<i64> = Default::default();
        let s: String = Default::default();
        let mut set: HashSet<i64> = HashSet::default();
        let o = Option::<i64>::default();
        v.push(n);
        set.insert(n);
        set.insert(n);
        (v[0] * 2, s.len(), set.len(), o.is_none())
    }

    pub fn std_paths_defaults(n: i64) -> usize {
        let mut v = std::vec::Vec::<i64>::default();
        let s = std::string::String::default();
        let m = <std::collections::HashMap<i64, i64> as Default>::default();
        v.push(n);
        v.len() + s.len() + m.len()
    }

    fn empty_then_push<T: Copy>(x: T) -> Vec<T> {
        let mut v = Vec::<T>::default();
        v.push(x);
        v.push(x);
        v
    }

    pub fn generic_vec_defaults(n: i64) -> (usize, f64) {
        let ints = empty_then_push(n);
        let floats = empty_then_push(0.5);
        (ints.len(), floats[0] + floats[1])
    }
}

#[test]
fn std_type_default_by_path() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 7] {
        assert_eq!(std_type_defaults(n), rust::std_type_defaults(n));
        assert_eq!(std_paths_defaults(n), rust::std_paths_defaults(n));
    }
    assert!(balanced_since(&before));
}

#[test]
fn std_type_default_inferred_from_context() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [-3, 4] {
        assert_eq!(
            std_type_defaults_inferred(n),
            rust::std_type_defaults_inferred(n)
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn std_type_default_of_vec_of_type_parameter() {
    let _memory = memory_test();
    let before = jitclass::stats();
    assert_eq!(generic_vec_defaults(3), rust::generic_vec_defaults(3));
    assert!(balanced_since(&before));
}
