//! `&Vec<T>` and `&mut Vec<T>` parameters: called from jit code and from Rust, each
//! function compiled by jitclass and by rustc from the same tokens; where the buffer is
//! borrowed without a copy; Rust's rules in generic bodies.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(summary, summary_rs, fn(v: &Vec<f64>, probe: f64) -> (f64, usize, bool, f64, f64) {
    let mut s = 0.0;
    for x in v {
        s += x;
    }
    for x in v.iter() {
        s += *x;
    }
    let first = v.first().copied().unwrap_or(-1.0);
    (s, v.len(), v.contains(&probe), first, v.last().copied().unwrap_or(0.0))
});

twice!(squares_into, squares_into_rs, fn(v: &mut Vec<i64>, n: i64) -> usize {
    for i in 0..n {
        v.push(i * i);
    }
    if !v.is_empty() {
        v[0] += 100;
        let last = v.len() - 1;
        v.swap(0, last);
    }
    for x in v.iter_mut() {
        *x += 1;
    }
    v.len()
});

twice!(halve_all, halve_all_rs, fn(v: &mut Vec<f64>) -> f64 {
    for x in v {
        *x /= 2.0;
    }
    0.0
});

#[jit]
fn sum_slice(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

twice!(through_slices, through_slices_rs, fn(v: &Vec<f64>) -> f64 {
    sum_slice(v) + sum_slice(&v[1..]) + sum_slice(&v)
});

twice!(passed_on, passed_on_rs, fn(v: &mut Vec<i64>, w: &Vec<f64>) -> (usize, f64) {
    let n = squares_into(v, 3);
    let r = summary(w, 0.0);
    (n, r.0 + through_slices(w))
});

twice!(owner, owner_rs, fn(n: i64) -> (Vec<i64>, f64, usize) {
    let mut v = Vec::new();
    let w = vec![1.5; n as usize + 1];
    let (k, s) = passed_on(&mut v, &w);
    let mut m = vec![vec![0.5], vec![]];
    let rows = nested(&mut m);
    (v, s + k as f64, rows + m.len())
});

twice!(nested, nested_rs, fn(m: &mut Vec<Vec<f64>>) -> usize {
    m.push(vec![1.0, 2.0]);
    m[0].push(3.0);
    let mut n = 0;
    for row in m.iter() {
        n += row.len();
    }
    n
});

twice!(options, options_rs, fn(v: &mut Vec<Option<i32>>, w: &Vec<Option<i32>>) -> i32 {
    let mut s = 0;
    for o in w {
        if let Some(x) = o {
            s += x;
        }
    }
    v.push(Some(s));
    v.insert(0, None);
    s
});

#[test]
fn vec_references_from_rust_and_jit_code_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![1.0, -2.5, 4.0];
    assert_eq!(summary(&v, 4.0), summary_rs(&v, 4.0));
    assert_eq!(summary(&v, 5.0), summary_rs(&v, 5.0));
    assert_eq!(through_slices(&v), through_slices_rs(&v));
    for n in [0, 1, 4] {
        let (mut a, mut b) = (vec![7], vec![7]);
        assert_eq!(squares_into(&mut a, n), squares_into_rs(&mut b, n));
        assert_eq!(a, b);
        assert_eq!(owner(n), owner_rs(n));
    }
    let (mut a, mut b) = (vec![1.0, 3.0], vec![1.0, 3.0]);
    halve_all(&mut a);
    halve_all_rs(&mut b);
    assert_eq!(a, b);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    assert_eq!(passed_on(&mut a, &v), passed_on_rs(&mut b, &v));
    assert_eq!(a, b);
    let (mut a, mut b) = (vec![vec![], vec![9.0]], vec![vec![], vec![9.0]]);
    assert_eq!(nested(&mut a), nested_rs(&mut b));
    assert_eq!(a, b);
    let w = vec![Some(1), None, Some(5)];
    let (mut a, mut b) = (vec![None], vec![None]);
    assert_eq!(options(&mut a, &w), options_rs(&mut b, &w));
    assert_eq!(a, b);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn total(v: &Vec<f64>) -> f64 {
    let mut s = 0.0;
    for x in v {
        s += x;
    }
    s
}

#[jit]
fn push_one(v: &mut Vec<f64>, x: f64) {
    v.push(x);
}

#[jit]
fn total_of_options(v: &Vec<Option<f64>>) -> f64 {
    let mut s = 0.0;
    for o in v {
        if let Some(x) = o {
            s += x;
        }
    }
    s
}

#[test]
fn a_borrowed_vec_crosses_without_a_copy_where_rust_lays_its_elements_out_as_jit_code() {
    let _m = memory_test();
    let v: Vec<f64> = (0..1000).map(f64::from).collect();
    // `&Vec<f64>`: one header block for the call, no buffer (the Rust `Vec`'s is read).
    let before = jitclass::stats();
    assert_eq!(total(&v), 499_500.0);
    let d = jitclass::stats().since(&before);
    assert_eq!((d.meminfo_allocations, d.allocations), (1, 1), "{d:?}");
    // `&Vec<Option<f64>>`: the elements are copied into a jit buffer for the call.
    let o: Vec<Option<f64>> = (0..10).map(|i| (i % 2 == 0).then_some(1.0)).collect();
    let before = jitclass::stats();
    assert_eq!(total_of_options(&o), 5.0);
    let d = jitclass::stats().since(&before);
    assert_eq!((d.meminfo_allocations, d.allocations), (1, 2), "{d:?}");
    // `&mut Vec<f64>`: the buffer goes into jit code and comes back, grown in place while
    // the capacity allows, and reallocated by jit code past it.
    let mut w = Vec::with_capacity(4);
    w.push(1.0);
    let p = w.as_ptr();
    push_one(&mut w, 2.0);
    assert_eq!((w.as_ptr(), &w[..]), (p, &[1.0, 2.0][..]));
    for i in 0..100 {
        push_one(&mut w, f64::from(i));
    }
    assert_eq!((w.len(), w[101]), (102, 99.0));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn push_then_panic(v: &mut Vec<i64>, n: i64) -> i64 {
    for i in 0..n {
        v.push(i);
    }
    v[n as usize + 10]
}

#[test]
fn a_panic_gives_the_vec_back_as_rust_would_leave_it() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut v = vec![-1];
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        push_then_panic(&mut v, 3);
    }))
    .unwrap_err();
    let message = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(
        message.contains("index out of bounds: the len is 4 but the index is 13"),
        "{message}"
    );
    assert_eq!(v, [-1, 0, 1, 2]);
    drop(v);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Pool {
    pub items: Vec<f64>,
}

#[jitclass]
impl Pool {
    pub fn new() -> Pool {
        Pool { items: Vec::new() }
    }

    pub fn absorb(&mut self, v: &Vec<f64>) {
        self.items.extend_from_slice(v);
    }

    pub fn drain_into(&mut self, out: &mut Vec<f64>) -> usize {
        let n = self.items.len();
        while let Some(x) = self.items.pop() {
            out.push(x);
        }
        n
    }

    pub fn refill(&mut self) {
        let mut fresh = vec![1.0, 2.0];
        // A method taking `&mut Vec<f64>`, called from jit code on a local and on a field.
        self.drain_into(&mut fresh);
        Pool::grow(&mut self.items, 3);
        self.items.extend_from_slice(&fresh);
    }

    pub fn grow(v: &mut Vec<f64>, n: usize) {
        for i in 0..n {
            v.push(i as f64);
        }
    }
}

#[test]
fn methods_take_vec_references() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut p = Pool::new();
        p.absorb(&vec![1.0, 2.0]);
        p.absorb(&vec![3.0]);
        let mut out = vec![0.0];
        assert_eq!(p.drain_into(&mut out), 3);
        assert_eq!(out, [0.0, 3.0, 2.0, 1.0]);
        p.absorb(&out);
        p.refill();
        assert_eq!(p.items(), [0.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 3.0, 0.0]);
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn generic_len<T>(v: &Vec<T>, extra: &mut Vec<T>, x: T) -> usize {
    extra.push(x);
    v.len() + extra.len()
}

#[test]
fn generic_bodies_take_vec_references() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut extra = vec![Some(1)];
    assert_eq!(generic_len(&vec![None, Some(2)], &mut extra, Some(3)), 4);
    assert_eq!(extra, [Some(1), Some(3)]);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(kept_refs, kept_refs_rs, fn(v: Vec<f64>, i: usize) -> f64 {
    let f = v.first();
    let g = v.get(i);
    let mut s = 0.0;
    if let Some(x) = f {
        s += *x;
    }
    match g {
        Some(&y) => s += 10.0 * y,
        None => s -= 1.0,
    }
    if let Some(z) = v.last() {
        s += 100.0 * z;
    }
    let w = v.get(0).unwrap();
    s + f.copied().unwrap_or(0.0) + *w + *v.last().unwrap() + f.cloned().unwrap()
});

twice!(count_some, count_some_rs, fn(v: Vec<Option<i64>>) -> (usize, i64) {
    let mut n = 0;
    let mut s = 0;
    let mut i = 0;
    while let Some(o) = v.get(i) {
        if o.is_some() {
            n += 1;
            s += o.unwrap();
        }
        i += 1;
    }
    (n, s)
});

#[jit]
fn first_body(bodies: Vec<Token2>, k: f64) -> f64 {
    let mut s = 0.0;
    if let Some(b) = bodies.first() {
        s += b.scaled(k);
    }
    let last = bodies.last();
    match last {
        Some(b) => s + b.x,
        None => -1.0,
    }
}

#[jitclass]
pub struct Token2 {
    pub x: f64,
}

#[jitclass]
impl Token2 {
    pub fn new(x: f64) -> Token2 {
        Token2 { x }
    }

    pub fn scaled(&self, k: f64) -> f64 {
        self.x * k
    }
}

#[jit]
fn generic_first<T>(v: Vec<T>, fallback: T) -> T {
    let f = v.first();
    match f {
        Some(x) => *x,
        None => fallback,
    }
}

#[test]
fn references_kept_into_vecs_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    for i in [0, 1, 2, 7] {
        let v = vec![1.5, -2.0, 4.0];
        assert_eq!(kept_refs(v.clone(), i), kept_refs_rs(v, i));
    }
    let v = vec![Some(2), None, Some(5)];
    assert_eq!(count_some(v.clone()), count_some_rs(v));
    {
        let a = Token2::new(2.0);
        let b = Token2::new(3.0);
        assert_eq!(first_body(vec![a.clone(), b.clone()], 10.0), 23.0);
        assert_eq!(first_body(vec![a.clone()], 0.5), 3.0);
        assert_eq!(first_body(Vec::new(), 1.0), -1.0);
        // The references were other counts of the same instances, released.
        assert_eq!(Token2::strong_count(&a), Some(1));
    }
    assert_eq!(generic_first(vec![(1, true)], (0, false)), (1, true));
    assert_eq!(generic_first(Vec::new(), 9u8), 9);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(sort_through, sort_through_rs, fn(v: &mut Vec<f64>, w: &Vec<i64>) -> f64 {
    v.sort_by(|a, b| b.partial_cmp(a).unwrap());
    let mut s = 0.0;
    if let Some(x) = v.first() {
        s += *x;
    }
    match w.last() {
        Some(&y) => s + y as f64,
        None => s,
    }
});

twice!(rows_total, rows_total_rs, fn(m: &Vec<Vec<f64>>) -> (f64, usize) {
    let mut s = 0.0;
    for row in m {
        for x in row {
            s += x;
        }
    }
    (s, m.len() + m[0].len())
});

#[test]
fn references_sort_and_borrow_through_parameters() {
    let _m = memory_test();
    let before = jitclass::stats();
    for w in [vec![1, 2, 3], Vec::new()] {
        let (mut a, mut b) = (vec![2.5, -1.0, 9.0, 0.5], vec![2.5, -1.0, 9.0, 0.5]);
        assert_eq!(sort_through(&mut a, &w), sort_through_rs(&mut b, &w));
        assert_eq!(a, b);
    }
    // A `&Vec<Vec<f64>>` from Rust is copied for the call, and the copy released.
    let m = vec![vec![1.0, 2.0], vec![], vec![0.5]];
    assert_eq!(rows_total(&m), rows_total_rs(&m));
    assert!(balanced_since(&before));
    assert_no_leaks();
}
