//! `if let Some(s) = m.get(&k) { .. s.len() .. }` and its neighbours (a `match`, a
//! `Vec<String>`'s `v.get(i)`, a map of `Vec`s, `first`/`last`, a class's field, a generic
//! body): a reference into a container of `String`s or `Vec`s kept while nothing changes
//! the container, each run against the same code built as plain Rust, with `stats()`
//! balanced.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
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

twice!(map_text_if_let, map_text_if_let_rs, fn(k: i64) -> (usize, String) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::from("one"));
    m.insert(2, String::from("three"));
    let mut n = 0;
    let mut out = String::new();
    if let Some(s) = m.get(&k) {
        n += s.len();
        out.push_str(s);
        out.push_str(&s.to_uppercase());
    }
    m.insert(3, out.clone());
    (n + m.len(), out)
});

twice!(map_text_match, map_text_match_rs, fn(k: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(k % 3, String::from("hit"));
    let shown = match m.get(&1) {
        Some(s) => format!("{}:{}", s, s.len()),
        None => String::from("none"),
    };
    m.remove(&1);
    shown + &m.len().to_string()
});

twice!(vec_text_get, vec_text_get_rs, fn(i: usize) -> (String, usize) {
    let mut v: Vec<String> = Vec::new();
    v.push(String::from("ab"));
    v.push(String::from("cde"));
    let mut out = String::new();
    let mut n = 0;
    if let Some(s) = v.get(i) {
        out = s.clone();
        n = s.len();
    }
    let first = v.first();
    if let Some(f) = first {
        out.push_str(f);
    }
    match v.last() {
        Some(l) => n += l.len(),
        None => n += 100,
    }
    v.push(out.clone());
    (out, n + v.len())
});

twice!(map_of_vecs_get, map_of_vecs_get_rs, fn(k: u32) -> i64 {
    let mut m: HashMap<u32, Vec<i64>> = HashMap::new();
    m.insert(1, vec![1, 2, 3]);
    m.insert(2, Vec::new());
    let mut t = 0;
    if let Some(v) = m.get(&k) {
        for x in v {
            t += *x;
        }
        t += v.len() as i64 * 100;
        if let Some(last) = v.last() {
            t += *last * 1000;
        }
    }
    let rows = vec![vec![5i64], vec![6, 7]];
    if let Some(r) = rows.get(k as usize) {
        t += r[0] + r.len() as i64;
    }
    m.insert(k, vec![t]);
    t + m.len() as i64
});

/// A map of names, read through `&self`.
#[jitclass]
pub struct Names {
    pub by_id: HashMap<u32, String>,
}

#[jitclass]
impl Names {
    pub fn new() -> Names {
        Names {
            by_id: HashMap::new(),
        }
    }

    pub fn add(&mut self, id: u32, name: &str) {
        self.by_id.insert(id, name.to_string());
    }

    pub fn greet(&self, id: u32) -> String {
        if let Some(name) = self.by_id.get(&id) {
            format!("hello {name} ({})", name.len())
        } else {
            String::from("who?")
        }
    }
}

/// `Names` as plain Rust.
struct NamesRs {
    by_id: HashMap<u32, String>,
}

impl NamesRs {
    fn greet(&self, id: u32) -> String {
        if let Some(name) = self.by_id.get(&id) {
            format!("hello {name} ({})", name.len())
        } else {
            String::from("who?")
        }
    }
}

/// A generic body, which only jitclass checks: the reference is kept across reads.
#[jit]
fn longest_named<T: Copy + std::hash::Hash + Eq>(
    keys: Vec<T>,
    names: Vec<String>,
    probes: Vec<T>,
) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    for i in 0..keys.len() {
        m.insert(keys[i], names[i].clone());
    }
    let mut best = 0;
    for k in &probes {
        if let Some(s) = m.get(k) {
            if s.len() > best {
                best = s.len();
            }
        }
    }
    let words = vec![String::from("xy")];
    let w = words.get(0).unwrap();
    best + w.len()
}

#[test]
fn held_text_refs_match_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    for k in [0, 1, 2, 5] {
        assert_eq!(map_text_if_let(k), map_text_if_let_rs(k));
        assert_eq!(map_text_match(k), map_text_match_rs(k));
        assert_eq!(vec_text_get(k as usize), vec_text_get_rs(k as usize));
        assert_eq!(map_of_vecs_get(k as u32), map_of_vecs_get_rs(k as u32));
    }
    assert_eq!(map_text_if_let(2).1, "threeTHREE");
    assert!(balanced_since(&before));
}

#[test]
fn held_text_refs_on_fields_and_generic_bodies() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut names = Names::new();
        names.add(7, "ana");
        let plain = NamesRs {
            by_id: HashMap::from([(7, "ana".to_string())]),
        };
        for id in [7, 8] {
            assert_eq!(names.greet(id), plain.greet(id));
        }
        let names = vec!["a".to_string(), "abcd".to_string()];
        assert_eq!(
            longest_named(vec![1i64, 2], names.clone(), vec![1, 2, 3]),
            6
        );
        assert_eq!(longest_named(vec![1i64, 2], names, vec![3]), 2);
    }
    assert!(balanced_since(&before));
}
