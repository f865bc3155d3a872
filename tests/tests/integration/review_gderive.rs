//! Review probes of derives on generic classes: fields of other generic classes and of
//! `Option<Self>`, nested defaults, instance keys crossing between Rust and jit code.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Duo<A, B> {
    pub a: Option<A>,
    pub b: Option<B>,
}

#[jitclass]
impl<A, B> Duo<A, B> {
    pub fn new(a: Option<A>, b: Option<B>) -> Duo<A, B> {
        Duo { a, b }
    }
}

/// A field of another generic class, applied to a parameter and to a concrete type.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Outer<T> {
    pub inner: Duo<T, i64>,
    pub other: Duo<String, T>,
    pub n: i64,
}

#[jitclass]
impl<T> Outer<T> {
    pub fn new(inner: Duo<T, i64>, other: Duo<String, T>, n: i64) -> Outer<T> {
        Outer { inner, other, n }
    }
}

/// A recursive generic class: `eq`, `hash`, `default` through `Option<Self>`.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Chain<T> {
    pub val: Option<T>,
    pub next: Option<Chain<T>>,
}

#[jitclass]
impl<T: Copy> Chain<T> {
    pub fn of(xs: Vec<T>) -> Chain<T> {
        let mut c = Chain {
            val: None,
            next: None,
        };
        for x in xs {
            c = Chain {
                val: Some(x),
                next: Some(c),
            };
        }
        c
    }
}

twice!(nested_eq, nested_eq_rs, fn(x: i64, y: i64) -> (bool, bool, usize) {
    let a = Outer::new(Duo::new(Some(x), Some(1)), Duo::new(Some("s".to_string()), Some(x)), 3);
    let b = Outer::new(Duo::new(Some(y), Some(1)), Duo::new(Some("s".to_string()), Some(x)), 3);
    let mut s: HashSet<Outer<i64>> = HashSet::new();
    s.insert(a.clone());
    s.insert(b.clone());
    s.insert(Outer::<i64>::default());
    (a == b, a != Outer::default(), s.len())
});

twice!(chain_eq, chain_eq_rs, fn(n: i64, m: i64) -> (bool, usize, bool) {
    let mut xs = Vec::new();
    for i in 0..n {
        xs.push(i);
    }
    let mut ys = Vec::new();
    for i in 0..m {
        ys.push(i);
    }
    let a = Chain::of(xs);
    let b = Chain::of(ys);
    let mut s: HashSet<Chain<i64>> = HashSet::new();
    s.insert(a.clone());
    s.insert(b.clone());
    s.insert(Chain::default());
    (a == b, s.len(), Chain::<i64>::default() == Chain::of(Vec::new()))
});

/// Defaults of nested instantiations (`Outer<Duo<f64, char>>`), with a field of
/// `Duo<T, i64>` (a concrete type argument in the default's turbofish).
#[jit]
fn default_nested() -> (bool, bool, i64, bool) {
    let o = Outer::<Duo<f64, char>>::default();
    let p: Outer<Duo<f64, char>> = Outer::default();
    (o.inner.a.is_none(), o.other.b.is_none(), o.n, o == p)
}

fn default_nested_rs() -> (bool, bool, i64, bool) {
    let o = Outer::<Duo<f64, char>>::default();
    let p: Outer<Duo<f64, char>> = Outer::default();
    (
        o.inner().a().is_none(),
        o.other().b().is_none(),
        o.n(),
        o == p,
    )
}

#[jit]
fn build_keyed(n: i64) -> HashMap<Duo<i64, char>, i64> {
    let mut m = HashMap::new();
    for i in 0..n {
        m.insert(Duo::new(Some(i % 4), Some('k')), i);
    }
    m
}

#[jit]
fn look_up(m: HashMap<Duo<i64, char>, i64>, k: Duo<i64, char>) -> i64 {
    match m.get(&k) {
        Some(v) => *v,
        None => -1,
    }
}

#[test]
fn nested_generic_fields_compare_and_hash_as_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (x, y) in [(1, 1), (1, 2), (0, -3)] {
        assert_eq!(nested_eq(x, y), nested_eq_rs(x, y), "{x} {y}");
    }
    for (n, m) in [(0, 0), (0, 2), (3, 3), (3, 2)] {
        assert_eq!(chain_eq(n, m), chain_eq_rs(n, m), "{n} {m}");
    }
    assert_eq!(default_nested(), default_nested_rs());
    assert!(balanced_since(&before));
}

#[test]
fn handle_keys_cross_between_rust_and_jit() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let m = build_keyed(10);
        assert_eq!(m.len(), 4);
        // Keys built in Rust find the entries jit code made.
        assert_eq!(m.get(&Duo::new(Some(1), Some('k'))), Some(&9));
        assert_eq!(m.get(&Duo::new(Some(1), Some('j'))), None);
        // And jit code finds keys Rust inserted.
        let mut r: HashMap<Duo<i64, char>, i64> = HashMap::new();
        r.insert(Duo::new(Some(56), None), 56);
        r.insert(Duo::new(None, Some('z')), 0);
        assert_eq!(look_up(r.clone(), Duo::new(None, Some('z'))), 0);
        assert_eq!(look_up(r.clone(), Duo::new(Some(5), None)), -1);
        assert_eq!(look_up(r.clone(), Duo::new(Some(56), None)), 56);
        assert_eq!(look_up(m, Duo::new(Some(3), Some('k'))), 7);
        // Hash equal for equal handles.
        let s = RandomState::new();
        let (p, q) = (Outer::<i64>::default(), Outer::<i64>::default());
        assert!(p == q);
        assert_eq!(s.hash_one(&p), s.hash_one(&q));
        let c = Chain::of(vec![1_i64, 2]);
        assert_eq!(s.hash_one(&c), s.hash_one(Chain::of(vec![1_i64, 2])));
    }
    assert!(balanced_since(&before));
}
