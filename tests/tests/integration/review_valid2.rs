//! Review probes of shared-slice loops (`for x in s` over `&[T]` binds `x: &T`) and of map /
//! `Vec` `get(..).unwrap()` reads of `String` / `Vec` values: each against the same code
//! built as plain Rust, with `stats()` balanced.

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

#[jit]
fn rv2_generic_total<T>(xs: &[T]) -> T {
    let mut acc = 0 as T;
    for x in xs {
        acc += *x;
    }
    acc
}

twice!(rv2_nested, rust_rv2_nested, fn(a: &[f64], b: &[f64]) -> (usize, f64) {
    let mut same = 0;
    let mut prod = 0.0;
    for x in a {
        for y in b {
            if x == y {
                same += 1;
            }
            prod += *x * *y;
        }
    }
    (same, prod)
});

twice!(rv2_break_kept, rust_rv2_break_kept, fn(s: &[f64]) -> (f64, f64, bool) {
    let mut found = -1.0;
    let mut cl = 0.0;
    let mut any = false;
    for x in s {
        cl += x.clone();
        if x > &0.0 && &2.0 < x && (*x > 2.0) {
            found = *x;
            any = true;
            break;
        }
    }
    (found, cl, any)
});

twice!(rv2_vec_compare, rust_rv2_vec_compare, fn(n: i64) -> usize {
    let v = vec![1.0, -2.0, n as f64];
    let mut c = 0;
    for x in &v {
        if x >= &1.0 {
            c += 1;
        }
    }
    c
});

#[jitclass]
pub struct Rv2Circle {
    pub r: f64,
}

#[jitclass]
impl Rv2Circle {
    pub fn new(r: f64) -> Rv2Circle {
        Rv2Circle { r }
    }
    pub fn area(&self) -> f64 {
        self.r * self.r * 3.0
    }
    pub fn total(cs: &[Rv2Circle]) -> f64 {
        let mut t = 0.0;
        for c in cs {
            t += c.area();
        }
        t
    }
}

#[jit]
fn rv2_areas(cs: &[Rv2Circle]) -> f64 {
    let mut t = 0.0;
    for c in cs {
        t += c.area() + c.r;
    }
    t
}

twice!(rv2_map_vec_values, rust_rv2_map_vec_values, fn(n: i64) -> (Vec<i64>, usize, usize, bool) {
    let mut m: HashMap<i64, Vec<i64>> = HashMap::new();
    m.insert(n, vec![1, 2, 3]);
    let mut c = m.get(&n).unwrap().clone();
    c.push(9);
    m.insert(n, Vec::new());
    let after = m.get(&n).unwrap().len();
    let mut vv: Vec<Vec<i64>> = Vec::new();
    vv.push(vec![4, 5]);
    let l = vv.get(0).unwrap().len();
    let e = vv.get(0).unwrap().is_empty();
    (c, after, l, e)
});

twice!(rv2_map_text_then_change, rust_rv2_map_text_then_change, fn(n: i64) -> (String, String) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(n, String::from("old"));
    let kept = m.get(&n).unwrap().clone();
    m.insert(n, String::from("new"));
    m.remove(&n);
    m.insert(n + 1, String::from("x"));
    (kept, m.get(&(n + 1)).unwrap().clone())
});

#[jit]
fn rv2_missing(n: i64) -> String {
    let m: HashMap<i64, String> = HashMap::new();
    m.get(&n).unwrap().clone()
}

#[test]
fn review_valid2_slice_loops() {
    let s = [1.5, -2.0, 4.0, 3.0];
    let t = [2.0, 0.5, 1.0];
    assert_eq!(rv2_generic_total(&s), 6.5);
    assert_eq!(rv2_generic_total(&[1i64, 2, 3]), 6);
    assert_eq!(rv2_nested(&s, &t), rust_rv2_nested(&s, &t));
    assert_eq!(rv2_break_kept(&s), rust_rv2_break_kept(&s));
    assert_eq!(rv2_break_kept(&[]), rust_rv2_break_kept(&[]));
    assert_eq!(rv2_vec_compare(5), rust_rv2_vec_compare(5));
}

#[test]
fn review_valid2_class_slices() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let cs = vec![Rv2Circle::new(1.0), Rv2Circle::new(2.0)];
    assert_eq!(rv2_areas(&cs), 3.0 + 1.0 + 12.0 + 2.0);
    assert_eq!(Rv2Circle::total(&cs), 15.0);
    drop(cs);
    assert!(balanced_since(&before));
}

#[test]
fn review_valid2_map_reads() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 7] {
        assert_eq!(rv2_map_vec_values(n), rust_rv2_map_vec_values(n));
        assert_eq!(
            rv2_map_text_then_change(n),
            rust_rv2_map_text_then_change(n)
        );
    }
    let err = std::panic::catch_unwind(|| rv2_missing(3)).unwrap_err();
    let msg = err.downcast_ref::<String>().unwrap();
    assert!(
        msg.starts_with("called `Option::unwrap()` on a `None` value"),
        "{msg}"
    );
    assert!(balanced_since(&before));
}
