//! Valid Rust jit code once refused: a loop's `&String` added to a `String`, `*x` of a loop
//! over a `&mut [T]` parameter, `_` in a `&mut` map loop, a `&mut` loop's key formatted,
//! `<T>::f()` without a trait, a parenthesised borrow as a method's receiver, and `==` of
//! `PhantomData` values; each run against the same code built as plain Rust, with
//! `stats()` balanced.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;
use std::fmt::Write;
use std::marker::PhantomData;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// ---- a loop's references added -------------------------------------------------------------

twice!(append_loop_references, rust_append_loop_references, fn(v: &Vec<String>) -> String {
    let mut out = String::new();
    for s in v {
        out += s;
    }
    let mut w = Vec::new();
    w.push(String::from("<"));
    w.push(String::from(">"));
    for s in &w {
        out += s;
        out = out + s;
    }
    for s in w.iter() {
        out = out + s + "|";
    }
    out
});

twice!(add_loop_numbers, rust_add_loop_numbers, fn(n: i64) -> (i64, f64) {
    let mut v = Vec::new();
    let mut f = Vec::new();
    let mut i = 0;
    while i < n {
        v.push(i);
        f.push(i as f64 * 0.5);
        i += 1;
    }
    let mut total = 0;
    let mut sum = 0.0;
    for x in &v {
        total += x;
        total = total + x;
    }
    for y in f.iter() {
        sum = sum + y;
        sum += y;
    }
    (total, sum)
});

// ---- loops over slice parameters -----------------------------------------------------------

twice!(mut_slice_loop, rust_mut_slice_loop, fn(s: &mut [i64]) -> i64 {
    let mut t = 0;
    for x in s {
        t += *x;
        *x *= 2;
    }
    t
});

// ---- `&mut` map loops ----------------------------------------------------------------------

twice!(unnamed_keys, rust_unnamed_keys, fn(n: i64) -> (usize, usize, String) {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    for (_, t) in &mut m {
        write!(t, "{}", n).unwrap();
    }
    let mut count = 0;
    for _ in &mut m {
        count += 1;
    }
    let mut v = vec![1, 2, 3];
    for _ in &mut v {
        count += 1;
    }
    for (_, _) in &mut m {
        count += 1;
    }
    (m.len(), count, m.get(&1).cloned().unwrap())
});

twice!(formatted_mut_loop_keys, rust_formatted_mut_loop_keys, fn(n: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    for (k, t) in &mut m {
        write!(t, "{}{}", k, n).unwrap();
        write!(t, "[{k}]").unwrap();
        t.push_str(&format!("{:?}/{}", k, *k + n));
    }
    let mut out = m.get(&1).cloned().unwrap();
    let mut v = vec![10, 20];
    for x in &mut v {
        *x += 1;
        out.push_str(&format!("{} {x};", x));
    }
    out
});

// ---- `<T>::f()` without a trait ------------------------------------------------------------

#[jitclass]
#[derive(Default)]
pub struct Bag {
    pub n: i64,
    pub items: Vec<i64>,
}

#[jitclass]
impl Bag {
    pub fn with(n: i64) -> Bag {
        Bag {
            n,
            items: Vec::new(),
        }
    }
}

#[jit]
fn bare_qualified(x: i64) -> (i64, usize, i64, usize, i64, usize) {
    let a = <i64>::default();
    let s = <String>::default();
    let b = <Bag>::default();
    let t = <(i64, String)>::default();
    let mut r = <[i64; 3]>::default();
    r[1] += x;
    let bags = <[Bag; 2]>::default();
    let c = <Bag>::with(x);
    let mut v = <Vec<i64>>::new();
    v.push(<i64>::max(x, 2));
    (
        a + x + c.n + v[0],
        s.len() + v.len(),
        b.n,
        t.1.len(),
        r[0] + r[1],
        bags[1].items.len(),
    )
}

#[jit]
fn inferred_defaults(x: i64) -> (usize, bool, f64) {
    let mut v = Vec::default();
    v.push(x);
    let o = Option::<String>::default();
    let p = <(f64, bool)>::default();
    (v.len(), o.is_none() && !p.1, p.0)
}

// ---- a borrow as a receiver ----------------------------------------------------------------

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn grow(&mut self, k: f64) {
        self.r += k;
    }
}

#[jit]
fn reborrowed_receivers(x: f64) -> (f64, f64, f64, usize) {
    let mut b: Box<dyn Fig> = Box::new(Disk { r: x });
    let first = (&*b).area();
    (&mut *b).grow(1.0);
    let d = Disk { r: x };
    let v = vec![1, 2];
    (first, (&*b).area(), (&d).area(), (&v).len())
}

// ---- `PhantomData` values compared -----------------------------------------------------------

twice!(compare_markers, rust_compare_markers, fn(p: PhantomData<i64>, x: i64) -> (PhantomData<i64>, i64, bool, bool) {
    let q: PhantomData<i64> = PhantomData;
    let same = p == q;
    let t = (p, x);
    let u = (q, x + 1);
    (p, if same { x + 1 } else { x }, t != u && p <= q, !(p < q) && p >= q)
});

/// The same programs compiled by rustc.
#[allow(clippy::all)]
mod rust {
    pub trait Fig {
        fn area(&self) -> f64;
        fn grow(&mut self, k: f64);
    }

    pub struct Disk {
        pub r: f64,
    }

    impl Fig for Disk {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn grow(&mut self, k: f64) {
            self.r += k;
        }
    }

    pub fn reborrowed_receivers(x: f64) -> (f64, f64, f64, usize) {
        let mut b: Box<dyn Fig> = Box::new(Disk { r: x });
        let first = (&*b).area();
        (&mut *b).grow(1.0);
        let d = Disk { r: x };
        let v = vec![1, 2];
        (first, (&*b).area(), (&d).area(), (&v).len())
    }

    #[derive(Default)]
    pub struct Bag {
        pub n: i64,
        pub items: Vec<i64>,
    }

    impl Bag {
        pub fn with(n: i64) -> Bag {
            Bag {
                n,
                items: Vec::new(),
            }
        }
    }

    pub fn bare_qualified(x: i64) -> (i64, usize, i64, usize, i64, usize) {
        let a = <i64>::default();
        let s = <String>::default();
        let b = <Bag>::default();
        let t = <(i64, String)>::default();
        let mut r = <[i64; 3]>::default();
        r[1] += x;
        let bags = <[Bag; 2]>::default();
        let c = <Bag>::with(x);
        let mut v = <Vec<i64>>::new();
        v.push(<i64>::max(x, 2));
        (
            a + x + c.n + v[0],
            s.len() + v.len(),
            b.n,
            t.1.len(),
            r[0] + r[1],
            bags[1].items.len(),
        )
    }

    pub fn inferred_defaults(x: i64) -> (usize, bool, f64) {
        let mut v = Vec::default();
        v.push(x);
        let o = Option::<String>::default();
        let p = <(f64, bool)>::default();
        (v.len(), o.is_none() && !p.1, p.0)
    }
}

#[test]
fn valid_rust_forms_loop_references_added() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let v = vec!["a".to_string(), "bc".to_string()];
    assert_eq!(append_loop_references(&v), rust_append_loop_references(&v));
    assert_eq!(v, ["a", "bc"]);
    for n in [0, 1, 5] {
        assert_eq!(add_loop_numbers(n), rust_add_loop_numbers(n));
    }
    assert!(balanced_since(&before));
}

#[test]
fn valid_rust_forms_slice_parameter_loops() {
    let mut a = [1i64, -2, 30];
    let mut b = a;
    assert_eq!(mut_slice_loop(&mut a), rust_mut_slice_loop(&mut b));
    assert_eq!(a, b);
    assert_eq!(a, [2, -4, 60]);
    assert_eq!(mut_slice_loop(&mut []), 0);
}

#[test]
fn valid_rust_forms_mut_map_loops() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 7] {
        assert_eq!(unnamed_keys(n), rust_unnamed_keys(n));
        assert_eq!(formatted_mut_loop_keys(n), rust_formatted_mut_loop_keys(n));
    }
    assert!(balanced_since(&before));
}

#[test]
fn valid_rust_forms_bare_qualified_paths() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [-1, 3] {
        assert_eq!(bare_qualified(x), rust::bare_qualified(x));
        assert_eq!(inferred_defaults(x), rust::inferred_defaults(x));
    }
    assert!(balanced_since(&before));
}

#[test]
fn valid_rust_forms_reborrowed_receivers() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [1.0, 2.5] {
        assert_eq!(reborrowed_receivers(x), rust::reborrowed_receivers(x));
    }
    assert!(balanced_since(&before));
}

#[test]
fn valid_rust_forms_phantom_values_compared() {
    for x in [0, 4] {
        assert_eq!(
            compare_markers(PhantomData, x),
            rust_compare_markers(PhantomData, x)
        );
    }
}
