//! Sorting and selection with closures (`sort_by`, `sort_unstable`, `select_nth_unstable`,
//! ...): each function is compiled by jitclass and by rustc from the same tokens, and the
//! results compared on random data (NaN, `-0.0`, duplicates), sorted, reversed, short and
//! long inputs.

use crate::fixtures::{Rng, signed_ints};
use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::cmp::Ordering;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn $params:tt $(-> $r:ty)? $body:block) => {
        #[jit]
        fn $jit $params $(-> $r)? $body
        #[allow(clippy::all, unused_mut)]
        fn $rust $params $(-> $r)? $body
    };
}

twice!(by_total_cmp, by_total_cmp_rs, fn(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
});

twice!(unstable_by_total_cmp, unstable_by_total_cmp_rs, fn(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_unstable_by(|a: &f64, b: &f64| a.total_cmp(b));
    v
});

twice!(descending, descending_rs, fn(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| b.total_cmp(a));
    v
});

twice!(ints, ints_rs, fn(mut v: Vec<i64>, mut w: Vec<i64>) -> (Vec<i64>, Vec<i64>) {
    v.sort();
    w.sort_unstable();
    (v, w)
});

twice!(small_ints, small_ints_rs, fn(mut v: Vec<u8>, mut b: Vec<bool>) -> (Vec<u8>, Vec<bool>) {
    v.sort_unstable();
    b.sort();
    (v, b)
});

twice!(by_first, by_first_rs, fn(keys: Vec<i32>, values: Vec<f64>) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..keys.len() {
        v.push((keys[i], values[i]));
    }
    v.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(by_key, by_key_rs, fn(keys: Vec<i32>, values: Vec<f64>) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..keys.len() {
        v.push((keys[i], values[i]));
    }
    v.sort_by_key(|p| p.0);
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(captures, captures_rs, fn(keys: Vec<i32>, values: Vec<f64>, desc: bool, scale: f64) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..keys.len() {
        v.push((keys[i], values[i]));
    }
    let mut calls = 0u64;
    v.sort_by(|&a, &b| {
        calls += 1;
        let first = if desc { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) };
        first.then_with(|| (a.1 * scale).total_cmp(&(b.1 * scale)).reverse())
    });
    if calls == 0 && v.len() > 1 {
        v.clear();
    }
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1 + p.0 as f64 * 1000.0);
    }
    out
});

twice!(orderings, orderings_rs, fn(mut v: Vec<i32>) -> Vec<i32> {
    v.sort_by(|a, b| {
        if *a % 2 == 0 && *b % 2 != 0 {
            Ordering::Less
        } else if *a % 2 != 0 && *b % 2 == 0 {
            std::cmp::Ordering::Greater
        } else {
            a.partial_cmp(b).unwrap().then(Ordering::Equal)
        }
    });
    v
});

twice!(select_ints, select_ints_rs, fn(mut v: Vec<i64>, k: usize) -> i64 {
    v.select_nth_unstable(k);
    v[k]
});

twice!(select_floats, select_floats_rs, fn(mut v: Vec<f64>, k: usize) -> Vec<f64> {
    v.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    v
});

twice!(slice_sort, slice_sort_rs, fn(s: &mut [f64]) {
    s.sort_by(|a, b| a.total_cmp(b));
});

twice!(slice_unstable, slice_unstable_rs, fn(s: &mut [i32]) {
    s.sort_unstable_by(|a, b| b.cmp(a));
});

twice!(panicking, panicking_rs, fn(s: &mut [f64], at: f64) {
    s.sort_by(|a, b| {
        if *a == at {
            panic!("comparator saw {}", at);
        }
        a.total_cmp(b)
    });
});

#[jit]
fn generic_sort<T>(s: &mut [T]) {
    s.sort_unstable();
}

#[jitclass]
pub struct Samples {
    pub values: Vec<f64>,
    pub flip: bool,
}

#[jitclass]
impl Samples {
    pub fn new(values: Vec<f64>) -> Samples {
        Samples {
            values,
            flip: false,
        }
    }

    pub fn median(&mut self) -> f64 {
        let n = self.values.len();
        let flip = self.flip;
        self.values.sort_by(|a, b| {
            let o = a.total_cmp(b);
            if flip { o.reverse() } else { o }
        });
        self.values[n / 2]
    }
}

/// Floats with duplicates, NaNs of both signs, `-0.0`, `0.0` and infinities.
fn floats(n: usize, seed: u64) -> Vec<f64> {
    let mut r = Rng(seed | 1);
    (0..n)
        .map(|_| match r.next() % 16 {
            0 => f64::NAN,
            1 => -f64::NAN,
            2 => -0.0,
            3 => 0.0,
            4 => f64::INFINITY,
            5 => (r.next() % 8) as f64,
            _ => (r.next() as i64 as f64) / 1e12,
        })
        .collect()
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// The lengths and shapes every sort is tried on.
fn shapes() -> Vec<Vec<f64>> {
    let mut out = Vec::new();
    for (i, n) in [0, 1, 2, 3, 19, 20, 21, 41, 100, 1000, 100_000]
        .into_iter()
        .enumerate()
    {
        out.push(floats(n, i as u64 * 7919 + 3));
    }
    let mut sorted = floats(5000, 11);
    sorted.sort_by(f64::total_cmp);
    let reversed: Vec<f64> = sorted.iter().rev().copied().collect();
    out.push(sorted);
    out.push(reversed);
    out.push(vec![1.5; 3000]);
    out
}

#[test]
fn float_sorts_are_rusts() {
    let _m = memory_test();
    for v in shapes() {
        let n = v.len();
        assert_eq!(
            bits(&by_total_cmp(v.clone())),
            bits(&by_total_cmp_rs(v.clone())),
            "n = {n}"
        );
        // `total_cmp` is a total order in which equal means the same bits, so even the
        // unstable sort's result is exactly Rust's.
        assert_eq!(
            bits(&unstable_by_total_cmp(v.clone())),
            bits(&unstable_by_total_cmp_rs(v.clone())),
            "n = {n}"
        );
        assert_eq!(
            bits(&descending(v.clone())),
            bits(&descending_rs(v.clone())),
            "n = {n}"
        );
        let mut s = v.clone();
        let mut r = v.clone();
        slice_sort(&mut s);
        slice_sort_rs(&mut r);
        assert_eq!(bits(&s), bits(&r), "n = {n}");
    }
    assert_no_leaks();
}

#[test]
fn integer_and_bool_sorts_are_rusts() {
    let _m = memory_test();
    for (i, n) in [0, 1, 2, 5, 20, 21, 64, 999, 100_000]
        .into_iter()
        .enumerate()
    {
        for modulo in [3, 1000, u64::MAX / 2] {
            let v = signed_ints(n, i as u64 + modulo, modulo);
            let w = signed_ints(n, i as u64 * 3 + modulo, modulo);
            assert_eq!(
                ints(v.clone(), w.clone()),
                ints_rs(v.clone(), w.clone()),
                "n = {n}"
            );
            let bytes: Vec<u8> = v.iter().map(|x| *x as u8).collect();
            let flags: Vec<bool> = w.iter().map(|x| x % 2 == 0).collect();
            assert_eq!(
                small_ints(bytes.clone(), flags.clone()),
                small_ints_rs(bytes, flags),
                "n = {n}"
            );
            assert_eq!(
                orderings(v.iter().map(|x| *x as i32).collect()),
                orderings_rs(v.iter().map(|x| *x as i32).collect())
            );
            let mut s: Vec<i32> = w.iter().map(|x| *x as i32).collect();
            let mut r = s.clone();
            slice_unstable(&mut s);
            slice_unstable_rs(&mut r);
            assert_eq!(s, r);
            let mut g = v.clone();
            generic_sort(&mut g);
            assert_eq!(g, ints_rs(v.clone(), vec![]).0);
        }
    }
    assert_no_leaks();
}

fn pairs(n: usize, seed: u64) -> (Vec<i32>, Vec<f64>) {
    let mut r = Rng(seed | 1);
    (0..n)
        .map(|i| {
            (
                (r.next() % 10) as i32,
                i as f64 * 0.25 - (r.next() % 5) as f64,
            )
        })
        .unzip()
}

#[test]
fn stable_sorts_keep_the_order_of_equal_elements_as_rust_does() {
    let _m = memory_test();
    for (i, n) in [0, 1, 2, 21, 300, 50_000].into_iter().enumerate() {
        let (k, v) = pairs(n, i as u64 + 5);
        assert_eq!(
            by_first(k.clone(), v.clone()),
            by_first_rs(k.clone(), v.clone()),
            "n = {n}"
        );
        assert_eq!(
            by_key(k.clone(), v.clone()),
            by_key_rs(k.clone(), v.clone()),
            "n = {n}"
        );
        for desc in [false, true] {
            let jit = captures(k.clone(), v.clone(), desc, -2.0);
            assert_eq!(
                jit,
                captures_rs(k.clone(), v.clone(), desc, -2.0),
                "n = {n}"
            );
        }
    }
    assert_no_leaks();
}

#[test]
fn selection_meets_rusts_postconditions() {
    let _m = memory_test();
    for (i, n) in [1, 2, 3, 21, 22, 500, 100_000].into_iter().enumerate() {
        let v = signed_ints(n, i as u64 + 17, 50);
        let f = floats(n, i as u64 + 23);
        for k in [0, n / 3, n / 2, n - 1] {
            assert_eq!(
                select_ints(v.clone(), k),
                select_ints_rs(v.clone(), k),
                "n = {n}, k = {k}"
            );
            let got = select_floats(f.clone(), k);
            let mut sorted = f.clone();
            sorted.sort_by(f64::total_cmp);
            // The element at `k` is where sorting puts it, and the rest is partitioned
            // around it (a permutation of the input).
            assert_eq!(got[k].to_bits(), sorted[k].to_bits(), "n = {n}, k = {k}");
            assert_eq!(
                got[k].to_bits(),
                select_floats_rs(f.clone(), k)[k].to_bits()
            );
            assert!(
                got[..k]
                    .iter()
                    .all(|x| x.total_cmp(&got[k]) != Ordering::Greater)
            );
            assert!(
                got[k + 1..]
                    .iter()
                    .all(|x| x.total_cmp(&got[k]) != Ordering::Less)
            );
            let mut back = got.clone();
            back.sort_by(f64::total_cmp);
            assert_eq!(bits(&back), bits(&sorted));
        }
    }
    assert_no_leaks();
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("panics");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn selection_past_the_end_panics_with_rusts_message() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (n, k) in [(0, 0), (3, 3), (3, 7)] {
        let v = signed_ints(n, 5, 10);
        let w = v.clone();
        let jit = panic_message(move || {
            select_ints(v, k);
        });
        let rust = panic_message(move || {
            select_ints_rs(w, k);
        });
        assert_eq!(
            rust,
            format!("partition_at_index index {k} greater than length of slice {n}")
        );
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn a_panicking_comparator_leaves_every_element_once() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [5, 30, 1000] {
        let original: Vec<f64> = (0..n).map(|i| ((i * 7919) % n) as f64).collect();
        let at = (n / 2) as f64;
        let mut s = original.clone();
        let mut r = original.clone();
        let jit = panic_message(std::panic::AssertUnwindSafe(|| panicking(&mut s, at)));
        let rust = panic_message(std::panic::AssertUnwindSafe(|| panicking_rs(&mut r, at)));
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
        let mut s_sorted = s.clone();
        s_sorted.sort_by(f64::total_cmp);
        let mut o_sorted = original.clone();
        o_sorted.sort_by(f64::total_cmp);
        assert_eq!(s_sorted, o_sorted, "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn a_method_sorts_its_field_with_a_capture_of_another_field() {
    let _m = memory_test();
    {
        let values = floats(1001, 99);
        let mut s = Samples::new(values.clone());
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(s.median().to_bits(), sorted[500].to_bits());
        s.set_flip(true);
        sorted.reverse();
        assert_eq!(s.median().to_bits(), sorted[500].to_bits());
        assert_eq!(bits(&s.values()), bits(&sorted));
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Body {
    pub mass: f64,
}

#[jitclass]
impl Body {
    pub fn new(mass: f64) -> Body {
        Body { mass }
    }
}

#[jit]
fn heaviest_first(masses: &[f64]) -> f64 {
    let mut bodies = Vec::new();
    for i in 0..masses.len() {
        bodies.push(Body::new(masses[i]));
    }
    bodies.sort_by(|a, b| b.mass.total_cmp(&a.mass));
    let mut acc = 0.0;
    for i in 0..bodies.len() {
        acc += bodies[i].mass * i as f64;
    }
    acc
}

#[test]
fn instances_sort_by_a_field() {
    let _m = memory_test();
    let masses: Vec<f64> = signed_ints(500, 3, 1000)
        .iter()
        .map(|x| *x as f64 * 0.5)
        .collect();
    let mut sorted = masses.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let expected: f64 = sorted.iter().enumerate().map(|(i, m)| m * i as f64).sum();
    assert_eq!(heaviest_first(&masses).to_bits(), expected.to_bits());
    assert_no_leaks();
}

twice!(search, search_rs, fn(v: Vec<i64>, x: i64) -> (bool, usize, usize, i64) {
    let ok = v.binary_search(&x).is_ok();
    let at = v.binary_search(&x).unwrap_or_else(|i| i);
    let or = v.binary_search(&x).unwrap_or(v.len() + 7);
    let m = match v.binary_search(&x) {
        Ok(i) => i as i64,
        Err(i) => -(i as i64) - 1,
    };
    (ok && !v.binary_search(&x).is_err(), at, or, m)
});

twice!(search_ok, search_ok_rs, fn(v: Vec<i64>, x: i64) -> Option<usize> {
    v.binary_search(&x).ok()
});

twice!(search_unwrap, search_unwrap_rs, fn(s: &[u32], x: u32) -> usize {
    s.binary_search(&x).unwrap()
});

#[test]
fn binary_search_finds_what_rusts_finds() {
    let _m = memory_test();
    for n in [0usize, 1, 2, 3, 7, 8, 33, 1000] {
        for dup in [1, 3] {
            let v: Vec<i64> = (0..n as i64).map(|i| (i / dup) * 2).collect();
            for x in -2..(n as i64 + 2) {
                assert_eq!(
                    search(v.clone(), x),
                    search_rs(v.clone(), x),
                    "n = {n}, x = {x}"
                );
                assert_eq!(search_ok(v.clone(), x), search_ok_rs(v.clone(), x));
            }
            let s: Vec<u32> = v.iter().map(|x| *x as u32).collect();
            for &x in &s {
                assert_eq!(search_unwrap(&s, x), search_unwrap_rs(&s, x));
            }
        }
    }
    let before = jitclass::stats();
    let jit = panic_message(|| {
        search_unwrap(&[1, 3, 5], 4);
    });
    let rust = panic_message(|| {
        search_unwrap_rs(&[1, 3, 5], 4);
    });
    assert_eq!(rust, "called `Result::unwrap()` on an `Err` value: 2");
    assert!(jit.starts_with(&rust), "{jit:?}");
    assert!(balanced_since(&before));
    assert_no_leaks();
}
