//! Review probes of kept `get`/`first`/`last` references (valid4): `get_mut` reaching the
//! map, clones kept apart from later changes, nested and `Vec`-valued gets, `Option`
//! adaptors, disjoint field changes, and generic bodies, each against plain Rust.

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

twice!(get_mut_reaches_map, get_mut_reaches_map_rs, fn(k: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::from("a"));
    if let Some(s) = m.get_mut(&k) {
        s.push_str("bc");
    }
    let kept = m.get(&1).unwrap();
    format!("{}:{}", kept, m.len())
});

twice!(clone_kept_apart, clone_kept_apart_rs, fn(k: i64) -> (String, String, Vec<String>) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::from("a"));
    m.insert(2, String::from("b"));
    let mut out: Vec<String> = Vec::new();
    let mut c = String::new();
    if let Some(s) = m.get(&k) {
        c = s.clone();
        out.push(s.clone());
        out.push(s.to_string());
    }
    if let Some(s) = m.get_mut(&k) {
        s.push('z');
    }
    m.insert(2, String::from("replaced"));
    (c, m.get(&k).cloned().unwrap_or(String::new()), out)
});

twice!(vec_first_then_change, vec_first_then_change_rs, fn(n: usize) -> (String, Vec<String>) {
    let mut v: Vec<String> = Vec::new();
    for i in 0..n {
        v.push(i.to_string());
    }
    let mut kept = String::new();
    if let Some(f) = v.first() {
        kept = f.clone();
        kept.push('!');
    }
    if !v.is_empty() {
        v[0].push('#');
    }
    v.push(kept.clone());
    (kept, v)
});

twice!(nested_rows, nested_rows_rs, fn(i: usize, j: usize) -> (usize, String) {
    let vv: Vec<Vec<String>> = vec![
        vec![String::from("ab"), String::from("c")],
        vec![String::from("def")],
    ];
    let mut n = 0;
    let mut t = String::new();
    if let Some(row) = vv.get(i) {
        if let Some(s) = row.get(j) {
            n += s.len();
            t.push_str(s);
        }
        for s in row {
            t.push_str(s);
        }
        n += row.len() * 10;
        if let Some(l) = row.last() {
            t += l;
        }
    }
    (n, t)
});

twice!(vec_values, vec_values_rs, fn(k: u8) -> (i64, i64, usize) {
    let mut m: HashMap<u8, Vec<i64>> = HashMap::new();
    m.insert(1, vec![4, 5, 6]);
    m.insert(2, vec![7]);
    let (mut a, mut b, mut c) = (0, 0, 0);
    if let Some(v) = m.get(&k) {
        for x in v {
            a += *x;
        }
        b = v[0];
        for x in v.iter() {
            c += *x as usize;
        }
    }
    if let Some(x) = m.get_mut(&2) {
        x.push(100);
    }
    (a, b + m.get(&2).unwrap().len() as i64, c)
});

twice!(option_adaptors, option_adaptors_rs, fn(k: i64) -> (usize, String, bool) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::from("hello"));
    let len = if let Some(s) = m.get(&k) { s.len() } else { 0 };
    let o = m.get(&k);
    let got = o.cloned().unwrap_or(String::from("none"));
    let some = o.is_some();
    m.clear();
    (len, got, some)
});

twice!(numbers_first, numbers_first_rs, fn(n: i64) -> i64 {
    let mut v: Vec<i64> = vec![n, n + 1];
    let x = v.first();
    let mut t = 0;
    if let Some(x) = x {
        t += *x;
    }
    let y = *v.last().unwrap();
    v.push(y);
    if let Some(z) = v.get(2) {
        t += z * 10;
    }
    t
});

/// A map and a count, changed disjointly while a name is held.
#[jitclass]
pub struct Book {
    pub names: HashMap<u32, String>,
    pub total: usize,
    pub seen: Vec<String>,
}

#[jitclass]
impl Book {
    pub fn new() -> Book {
        let mut names = HashMap::new();
        names.insert(1, String::from("ana"));
        Book {
            names,
            total: 0,
            seen: Vec::new(),
        }
    }

    pub fn visit(&mut self, id: u32) -> usize {
        if let Some(s) = self.names.get(&id) {
            self.total += s.len();
            self.seen.push(s.clone());
        }
        self.names.insert(id, String::from("x"));
        self.total + self.seen.len()
    }

    pub fn shown(&self) -> String {
        format!("{:?} {}", self.seen, self.names.len())
    }
}

struct BookRs {
    names: HashMap<u32, String>,
    total: usize,
    seen: Vec<String>,
}

impl BookRs {
    fn visit(&mut self, id: u32) -> usize {
        if let Some(s) = self.names.get(&id) {
            self.total += s.len();
            self.seen.push(s.clone());
        }
        self.names.insert(id, String::from("x"));
        self.total + self.seen.len()
    }
}

/// Generic: a kept reference, read after a change of another map.
#[jit]
fn generic_two_maps<T: Copy + std::hash::Hash + Eq>(k: T) -> (usize, usize) {
    let mut a: HashMap<T, String> = HashMap::new();
    let mut b: HashMap<T, Vec<String>> = HashMap::new();
    a.insert(k, String::from("abc"));
    b.insert(k, vec![String::from("q")]);
    let mut n = 0;
    if let Some(s) = a.get(&k) {
        if let Some(x) = b.get_mut(&k) {
            x.push(s.clone());
        }
        n = s.len();
    }
    a.insert(k, String::new());
    (n, b.get(&k).unwrap().len())
}

#[test]
fn review_held_refs_match_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    for k in [0i64, 1, 2, 3] {
        assert_eq!(
            get_mut_reaches_map(k),
            get_mut_reaches_map_rs(k),
            "get_mut {k}"
        );
        assert_eq!(clone_kept_apart(k), clone_kept_apart_rs(k), "clone {k}");
        assert_eq!(
            vec_first_then_change(k as usize),
            vec_first_then_change_rs(k as usize)
        );
        for j in 0..3 {
            assert_eq!(nested_rows(k as usize, j), nested_rows_rs(k as usize, j));
        }
        assert_eq!(vec_values(k as u8), vec_values_rs(k as u8));
        assert_eq!(option_adaptors(k), option_adaptors_rs(k));
        assert_eq!(numbers_first(k), numbers_first_rs(k));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_held_refs_fields_and_generics() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut b = Book::new();
        let mut r = BookRs {
            names: HashMap::from([(1, String::from("ana"))]),
            total: 0,
            seen: Vec::new(),
        };
        for id in [1, 2, 1] {
            assert_eq!(b.visit(id), r.visit(id));
        }
        assert_eq!(generic_two_maps(5i64), (3, 2));
        assert_eq!(generic_two_maps(5u8), (3, 2));
    }
    assert!(balanced_since(&before));
}

/// `{:?}` of a `Vec<String>` field: rustc accepts it; jit code refuses it only at the
/// first call ("`Vec<String>` doesn't implement `Debug`"), not at build time.
#[test]
#[ignore = "BUG: `{:?}` of a Vec<String> is refused at the first call, not supported nor refused at build time"]
fn review_held_refs_debug_of_text_vec() {
    let _m = memory_test();
    let mut b = Book::new();
    b.visit(1);
    assert_eq!(b.shown(), "[\"ana\"] 1");
}
