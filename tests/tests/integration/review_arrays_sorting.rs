//! Review of fixed arrays `[T; N]` and of sorting, selection and `binary_search` with
//! closures (issue 15b), from the public API: soundness probes, results against rustc's
//! build of the same tokens, termination with comparators that are not total orders.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass, objmode};
use std::cmp::Ordering;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn $params:tt $(-> $r:ty)? $body:block) => {
        #[jit]
        fn $jit $params $(-> $r)? $body
        #[allow(clippy::all, unused_mut, unused_assignments, unused_variables)]
        fn $rust $params $(-> $r)? $body
    };
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let e = std::panic::catch_unwind(f).unwrap_err();
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

// ---- (1) soundness: a Vec sorted while the comparator reaches it another way ----

#[jitclass]
pub struct RaBag {
    pub items: Vec<i64>,
}

#[jitclass]
impl RaBag {
    pub fn new(n: i64) -> RaBag {
        let mut items = Vec::new();
        for i in 0..n {
            items.push((i * 7919) % n);
        }
        RaBag { items }
    }
    pub fn grow(&mut self, n: i64) {
        for i in 0..n {
            self.items.push(i);
        }
    }
}

/// `a` and `b` are the same instance (handles are shared): the comparator grows the `Vec`
/// being sorted through `b`.
#[jit]
fn ra_sort_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.grow(1000);
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_unstable_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_unstable_by(|x, y| {
        b.grow(1000);
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_select_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.select_nth_unstable_by_key(3, |x| {
        b.grow(1000);
        *x
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_while_other_handle_clears(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.items.clear();
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_while_other_handle_replaces(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.items = Vec::new();
        x.cmp(y)
    });
    a.items.len() as i64
}

thread_local! {
    static RA_BAG: std::cell::RefCell<Option<RaBag>> = const { std::cell::RefCell::new(None) };
}

fn ra_grow_shared() -> i64 {
    RA_BAG.with(|b| {
        let mut bag = b.borrow().clone().unwrap();
        bag.grow(1000);
    });
    0
}

#[jit]
fn ra_sort_while_objmode_grows(mut a: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        let _z: i64 = objmode!(|| -> i64 { crate::review_arrays_sorting::ra_grow_shared() });
        x.cmp(y)
    });
    a.items.len() as i64
}

/// Runs `f(bag, bag)` on a bag of 64 elements; the outcome, and the bag's elements after.
fn run_aliasing(f: fn(RaBag, RaBag) -> i64) -> (Result<i64, String>, Vec<i64>) {
    let bag = RaBag::new(64);
    let b2 = bag.clone();
    let b3 = bag.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || f(bag.clone(), b2)));
    let r = r.map_err(|e| e.downcast_ref::<String>().cloned().unwrap_or_default());
    (r, b3.items())
}

fn run_objmode_aliasing() -> (Result<i64, String>, Vec<i64>) {
    let bag = RaBag::new(64);
    RA_BAG.with(|b| *b.borrow_mut() = Some(bag.clone()));
    let b2 = bag.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        ra_sort_while_objmode_grows(b2)
    }));
    RA_BAG.with(|b| *b.borrow_mut() = None);
    let r = r.map_err(|e| e.downcast_ref::<String>().cloned().unwrap_or_default());
    (r, bag.items())
}

type RaAliasing = fn(RaBag, RaBag) -> i64;

const RA_ALIASING: [(&str, RaAliasing); 5] = [
    ("sort_by grows", ra_sort_while_other_handle_grows),
    (
        "sort_unstable_by grows",
        ra_sort_unstable_while_other_handle_grows,
    ),
    (
        "select_nth_unstable_by_key grows",
        ra_select_while_other_handle_grows,
    ),
    ("sort_by clears", ra_sort_while_other_handle_clears),
    ("sort_by replaces", ra_sort_while_other_handle_replaces),
];

/// `a.items.sort_by(..)` while the comparator reaches the same `Vec` through another
/// handle of the instance, or through Rust code in `objmode!`, and pushes to it, clears it
/// or replaces it. `RefCell`'s rule, which the book applies to a slice lent to a call
/// (`VecHeader::lends`), would make the push panic with "already borrowed"; the sort takes
/// no lend, so it goes on over a `Vec` that changes under it: the pushes succeed (the sort
/// ends with the `Vec` ~400,000 elements long) and a `clear` shows up as "index out of
/// bounds" at the sort's token.
#[test]
#[ignore = "BUG: a sort/selection does not lend its Vec to the comparator: the comparator can push to, clear or replace the Vec being sorted (another handle, objmode!) without the 'already borrowed' panic"]
fn bug_comparator_changing_the_sorted_vec_is_not_refused() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (name, f) in RA_ALIASING {
        let (r, _) = run_aliasing(f);
        let m = r.err().unwrap_or_default();
        assert!(m.contains("already borrowed"), "{name}: {m}");
    }
    let (r, _) = run_objmode_aliasing();
    let m = r.err().unwrap_or_default();
    assert!(m.contains("already borrowed"), "objmode!: {m}");
    assert!(balanced_since(&before));
}

/// What does hold in the case above: every access of the sort goes through the field
/// again with a bounds check, so the sort stays in bounds (also clean under valgrind when
/// written), keeps the 64 elements it started with among the first 64, and leaks nothing.
#[test]
fn ok_comparator_changing_the_sorted_vec_stays_in_bounds() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut original: Vec<i64> = (0..64).map(|i| (i * 7919) % 64).collect();
    original.sort();
    for (name, f) in RA_ALIASING {
        let (r, items) = run_aliasing(f);
        if name.ends_with("grows") {
            assert!(r.is_ok(), "{name}: {r:?}");
            let mut head = items[..64].to_vec();
            head.sort();
            assert_eq!(head, original, "{name}");
        } else {
            let m = r.unwrap_err();
            assert!(
                m.starts_with("index out of bounds: the len is 0 but the index is 0"),
                "{name}: {m}"
            );
            assert!(items.is_empty(), "{name}");
        }
    }
    let (r, items) = run_objmode_aliasing();
    assert!(r.is_ok(), "{r:?}");
    let mut head = items[..64].to_vec();
    head.sort();
    assert_eq!(head, original);
    assert!(balanced_since(&before));
}

// ---- (1) an array field lent to a call that replaces its holder ----

#[jitclass]
pub struct RaInner {
    pub arr: [f64; 4],
}

#[jitclass]
impl RaInner {
    pub fn new(x: f64) -> RaInner {
        RaInner { arr: [x; 4] }
    }
}

#[jitclass]
pub struct RaOuter {
    pub inner: RaInner,
}

#[jitclass]
impl RaOuter {
    pub fn new(x: f64) -> RaOuter {
        RaOuter {
            inner: RaInner::new(x),
        }
    }
}

#[jit]
fn ra_replace_then_read(xs: &[f64], mut o: RaOuter) -> f64 {
    o.inner = RaInner::new(9.0);
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] + xs[3]
}

#[jit]
fn ra_lend_inner_array(o: RaOuter, o2: RaOuter) -> f64 {
    ra_replace_then_read(&o.inner.arr, o2)
}

#[jit]
fn ra_lend_inner_array_slice(o: RaOuter, o2: RaOuter) -> f64 {
    ra_replace_then_read(&o.inner.arr[1..], o2)
}

thread_local! {
    static RA_OUTER: std::cell::RefCell<Option<RaOuter>> = const { std::cell::RefCell::new(None) };
}

fn ra_replace_inner() -> i64 {
    RA_OUTER.with(|o| {
        let outer = o.borrow().clone().unwrap();
        outer.set_inner(RaInner::new(9.0));
    });
    0
}

#[jit]
fn ra_objmode_replace_then_read(xs: &[f64]) -> f64 {
    let _z: i64 = objmode!(|| -> i64 { crate::review_arrays_sorting::ra_replace_inner() });
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] + xs[xs.len() - 1]
}

#[jit]
fn ra_objmode_lend_inner_array(o: RaOuter) -> f64 {
    ra_objmode_replace_then_read(&o.inner.arr)
}

#[jit]
fn ra_objmode_lend_inner_array_mut(mut o: RaOuter) -> f64 {
    ra_objmode_sort_then_read(&mut o.inner.arr)
}

#[jit]
fn ra_objmode_sort_then_read(xs: &mut [f64]) -> f64 {
    let _z: i64 = objmode!(|| -> i64 { crate::review_arrays_sorting::ra_replace_inner() });
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] = 5.0;
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[0] + xs[xs.len() - 1]
}

/// A slice of an instance's array field is lent to a call in which Rust code (`objmode!`)
/// replaces that instance in its holder: the lend holds the instance, so the slice reads
/// the old array (and sorts it in place), and everything is freed after.
#[test]
fn ok_array_field_lent_while_objmode_replaces_its_instance() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let o = RaOuter::new(1.5);
        RA_OUTER.with(|c| *c.borrow_mut() = Some(o.clone()));
        let r = ra_objmode_lend_inner_array(o.clone());
        assert_eq!(o.inner().arr(), [9.0; 4]);
        assert_eq!(r, 3.0);
        let o2 = RaOuter::new(1.5);
        RA_OUTER.with(|c| *c.borrow_mut() = Some(o2.clone()));
        let r = ra_objmode_lend_inner_array_mut(o2.clone());
        RA_OUTER.with(|c| *c.borrow_mut() = None);
        assert_eq!(o2.inner().arr(), [9.0; 4]);
        assert_eq!(r, 6.5);
    }
    assert!(balanced_since(&before));
}

/// An instance passed beside a slice of another instance's array field is refused at the
/// first call (the callee could replace the array's holder through it). The message names
/// a `Vec` where the slice is of an array: a wording nit, left to the owner of the check.
#[test]
fn ok_array_field_lent_beside_an_instance_is_refused() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for f in [ra_lend_inner_array, ra_lend_inner_array_slice] {
            let o = RaOuter::new(1.5);
            let m = panic_message(std::panic::AssertUnwindSafe(|| {
                f(o.clone(), o.clone());
            }));
            assert!(
                m.contains("cannot pass this beside a slice of an instance's"),
                "{m}"
            );
            assert_eq!(o.inner().arr(), [1.5; 4]);
        }
    }
    assert!(balanced_since(&before));
}

// ---- (1) panicking comparator on instance elements in a field ----

#[jitclass]
pub struct RaBody {
    pub m: f64,
}

#[jitclass]
impl RaBody {
    pub fn new(m: f64) -> RaBody {
        RaBody { m }
    }
}

#[jitclass]
pub struct RaSwarm {
    pub bodies: Vec<RaBody>,
}

#[jitclass]
impl RaSwarm {
    pub fn new(n: i64) -> RaSwarm {
        let mut bodies = Vec::new();
        for i in 0..n {
            bodies.push(RaBody::new(((i * 7919) % n) as f64));
        }
        RaSwarm { bodies }
    }
    pub fn sort_panicking(&mut self, at: f64, stable: bool) {
        if stable {
            self.bodies.sort_by(|a, b| {
                if a.m == at || b.m == at {
                    panic!("boom");
                }
                a.m.total_cmp(&b.m)
            });
        } else {
            self.bodies.sort_unstable_by(|a, b| {
                if a.m == at || b.m == at {
                    panic!("boom");
                }
                b.m.total_cmp(&a.m)
            });
        }
    }
    pub fn masses(&self) -> Vec<f64> {
        let mut out = Vec::new();
        for b in &self.bodies {
            out.push(b.m);
        }
        out
    }
}

#[test]
fn ok_panicking_comparator_on_instances_in_a_field_keeps_every_element() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [3i64, 20, 33, 500] {
        for stable in [true, false] {
            let mut s = RaSwarm::new(n);
            let at = (n / 2) as f64;
            let m = panic_message(std::panic::AssertUnwindSafe(|| {
                s.sort_panicking(at, stable)
            }));
            assert!(m.contains("boom"), "{m}");
            let mut got = s.masses();
            got.sort_by(f64::total_cmp);
            let want: Vec<f64> = (0..n).map(|i| i as f64).collect();
            assert_eq!(got, want, "n = {n} stable = {stable}");
        }
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// ---- (3) comparators that are not total orders terminate with a permutation ----

#[jit]
fn always_less(mut v: Vec<i64>, which: i64) -> Vec<i64> {
    if which == 0 {
        v.sort_by(|_, _| Ordering::Less);
    } else if which == 1 {
        v.sort_unstable_by(|_, _| Ordering::Less);
    } else if which == 2 {
        v.sort_by(|_, _| Ordering::Greater);
    } else if which == 3 {
        v.sort_unstable_by(|_, _| Ordering::Greater);
    } else if which == 4 {
        let k = v.len() / 2;
        v.select_nth_unstable_by(k, |_, _| Ordering::Less);
    } else {
        let k = v.len() / 3;
        v.select_nth_unstable_by(k, |_, _| Ordering::Greater);
    }
    v
}

#[jit]
fn random_cmp(mut v: Vec<i64>, seed: u64, which: i64) -> Vec<i64> {
    let mut s = seed;
    if which == 0 {
        v.sort_by(|_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    } else if which == 1 {
        v.sort_unstable_by(|_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    } else {
        let k = v.len() / 2;
        v.select_nth_unstable_by(k, |_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    }
    v
}

#[test]
fn ok_non_total_orders_terminate_with_a_permutation() {
    let _memory = crate::memory_test();
    for n in [0usize, 1, 2, 3, 17, 20, 21, 64, 300, 2000] {
        let v: Vec<i64> = (0..n as i64).map(|i| (i * 31) % 7).collect();
        let mut want = v.clone();
        want.sort();
        for which in 0..6 {
            if n == 0 && which >= 4 {
                continue;
            }
            let mut got = always_less(v.clone(), which);
            got.sort();
            assert_eq!(got, want, "n {n} which {which}");
        }
        for which in 0..3 {
            if n == 0 && which == 2 {
                continue;
            }
            for seed in 0..5u64 {
                let mut got = random_cmp(v.clone(), seed, which);
                got.sort();
                assert_eq!(got, want, "n {n} which {which} seed {seed}");
            }
        }
    }
}

// ---- (2) results against rustc ----

twice!(stable_keys, stable_keys_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by_key(|p| p.0 % 5);
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(stable_then, stable_then_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by(|a, b| (a.0 % 3).cmp(&(b.0 % 3)).reverse().then((a.1 % 4).cmp(&(b.1 % 4))));
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(stable_then_with_rev, stable_then_with_rev_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by(|a, b| (a.1 % 2).cmp(&(b.1 % 2)).then_with(|| b.0.cmp(&a.0).reverse()).reverse());
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(bool_key_sort, bool_key_sort_rs, fn(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_by_key(|x| *x % 2 == 0);
    v
});

twice!(bsearch_dup, bsearch_dup_rs, fn(v: Vec<i64>, x: i64) -> (bool, usize) {
    match v.binary_search(&x) {
        Ok(i) => (true, i),
        Err(i) => (false, i),
    }
});

twice!(select_key, select_key_rs, fn(mut v: Vec<i64>, k: usize) -> i64 {
    v.select_nth_unstable_by_key(k, |x| (*x % 10) * 100 - *x);
    v[k]
});

fn pairs(n: usize, seed: u64) -> Vec<(i64, i64)> {
    let mut s = seed;
    (0..n)
        .map(|i| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 40) as i64 % 11, i as i64)
        })
        .collect()
}

#[test]
fn ok_stable_sorts_selection_and_searches_match_rust() {
    let _memory = crate::memory_test();
    for n in [0usize, 1, 2, 5, 19, 20, 21, 40, 100, 1000] {
        for seed in 0..3 {
            let v = pairs(n, seed);
            let k: Vec<i64> = v.iter().map(|p| p.0).collect();
            let w: Vec<i64> = v.iter().map(|p| p.1).collect();
            assert_eq!(
                stable_keys(k.clone(), w.clone()),
                stable_keys_rs(k.clone(), w.clone()),
                "n {n}"
            );
            assert_eq!(
                stable_then(k.clone(), w.clone()),
                stable_then_rs(k.clone(), w.clone()),
                "n {n}"
            );
            assert_eq!(
                stable_then_with_rev(k.clone(), w.clone()),
                stable_then_with_rev_rs(k.clone(), w.clone()),
                "n {n}"
            );
            let ints: Vec<i64> = v.iter().map(|p| p.0).collect();
            assert_eq!(
                bool_key_sort(ints.clone()),
                bool_key_sort_rs(ints.clone()),
                "n {n}"
            );
            let mut sorted = ints.clone();
            sorted.sort();
            for x in -1..13 {
                assert_eq!(
                    bsearch_dup(sorted.clone(), x),
                    bsearch_dup_rs(sorted.clone(), x),
                    "n {n} x {x}"
                );
            }
            for k in [0, n / 2, n.saturating_sub(1)] {
                if n > 0 {
                    assert_eq!(
                        select_key(ints.clone(), k),
                        select_key_rs(ints.clone(), k),
                        "n {n} k {k}"
                    );
                }
            }
        }
    }
}

// ---- (2) arrays: copy semantics against rustc ----

// `for e in a` with `a[i] = ..` in the body: rustc accepts (the loop iterates a copy);
// jitclass refuses it in a non-generic body (`tests/ui/arrays/review_for_by_value_then_assign.rs`),
// so the probe is generic, where jitclass checks the body itself.
#[jit]
fn arr_for_by_value_mutating<T>(x: i64, _t: T) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        a[1] = 50;
        s = s * 10 + e;
    }
    s + a[3]
}

#[allow(unused_assignments)]
fn arr_for_by_value_mutating_rs<T>(x: i64, _t: T) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        a[1] = 50;
        s = s * 10 + e;
    }
    s + a[3]
}

twice!(arr_swap_literal, arr_swap_literal_rs, fn(x: i64) -> [i64; 3] {
    let mut a = [x, 2, 3];
    a = [a[1], a[0], a[2] + a[0]];
    a
});

twice!(arr_nested_copy, arr_nested_copy_rs, fn(x: i64) -> i64 {
    let mut m = [[x, 2], [3, 4]];
    let row = m[0];
    m[0][0] = 7;
    let mut n = m;
    n[1][1] = 99;
    row[0] * 1000 + m[0][0] * 100 + m[1][1] * 10 + n[0][0]
});

twice!(arr_in_tuple, arr_in_tuple_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let mut u = t;
    u.0[1] = 9;
    let o = Some(u.1);
    u.1[0] = 8;
    t.0[1] * 10000 + u.0[1] * 1000 + o.unwrap()[0] * 100 + u.1[0] * 10
});

twice!(arr_unwrapped_into_let, arr_unwrapped_into_let_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    let mut w = o.unwrap();
    w[1] = 77;
    w[0] + w[1] + o.unwrap()[1]
});

twice!(arr_option_if_let, arr_option_if_let_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2, 3]);
    let mut got = 0;
    if let Some(mut b) = o {
        b[0] = 42;
        got = b[0];
    }
    match o {
        Some(a) => a[0] + got,
        None => -1,
    }
});

#[jit]
fn ra_mutate_param(mut a: [i64; 3]) -> i64 {
    a[0] = 99;
    a[0]
}

twice!(arr_by_value_param, arr_by_value_param_rs, fn(x: i64) -> i64 {
    let a = [x, 2, 3];
    let r = ra_mutate_param(a);
    r + a[0]
});

twice!(arr_eq, arr_eq_rs, fn(x: f64) -> (bool, bool, bool) {
    let a = [x, 0.0, -0.0];
    let b = [x, -0.0, 0.0];
    let m = [1, 2, 3];
    let n = [1, 2, 4];
    (a == b, m == n, a != b)
});

twice!(arr_iter_mut_and_ref, arr_iter_mut_and_ref_rs, fn(x: i64) -> i64 {
    let mut a = [x, 2, 3];
    for e in &mut a {
        *e *= 2;
    }
    for e in a.iter_mut() {
        *e += 1;
    }
    let mut s = 0;
    for e in &a {
        s = s * 100 + e;
    }
    for e in a.iter() {
        s += e;
    }
    s
});

twice!(arr_of_tuples_sorted_copy, arr_of_tuples_sorted_copy_rs, fn(x: i64) -> i64 {
    let mut a = [(x, 1.0), (2, 2.0), (1, 3.0)];
    let b = a;
    a[0].0 = 50;
    let mut s = 0;
    for p in b {
        s = s * 100 + p.0;
    }
    s + a[0].0
});

twice!(arr_sort, arr_sort_rs, fn(x: i64) -> [i64; 5] {
    let mut a = [x, 5, 1, 4, 2];
    a.sort();
    a
});

twice!(arr_sort_by, arr_sort_by_rs, fn(x: i64) -> [i64; 5] {
    let mut a = [x, 5, 1, 4, 2];
    a.sort_by(|p, q| q.cmp(p));
    a
});

twice!(arr_bsearch, arr_bsearch_rs, fn(x: i64) -> usize {
    let a: [i64; 5] = [1, 2, 2, 2, 5];
    a.binary_search(&x).unwrap_or_else(|i| i + 100)
});

twice!(arr_select, arr_select_rs, fn(x: i64) -> i64 {
    let mut a = [x, 5, 1, 4, 2];
    a.select_nth_unstable(2);
    a[2]
});

twice!(inf_a, inf_a_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    o.unwrap()[0]
});

twice!(inf_b, inf_b_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    let w = o.unwrap();
    w[0]
});

twice!(inf_c, inf_c_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let o = Some(t.1);
    o.unwrap()[0]
});

twice!(inf_d, inf_d_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let u = t;
    u.0[1] + t.1[0]
});

/// An array literal of integer literals inside a tuple, moved into `Some` and read back:
/// rustc infers `i64` from the use, and so does jitclass (`Option`'s methods are found
/// while its `T` is still open; it once failed at the first call with an internal error).
#[test]
fn ok_integer_array_from_a_tuple_in_an_option_is_inferred() {
    let _memory = crate::memory_test();
    assert_eq!(inf_c(5), inf_c_rs(5));
    assert_eq!(arr_in_tuple(5), arr_in_tuple_rs(5));
}

#[test]
fn ok_integer_arrays_in_options_and_tuples_are_inferred() {
    let _memory = crate::memory_test();
    for x in [-1, 5] {
        assert_eq!(inf_a(x), inf_a_rs(x));
        assert_eq!(inf_b(x), inf_b_rs(x));
        assert_eq!(inf_d(x), inf_d_rs(x));
    }
}

#[test]
fn ok_array_values_match_rust() {
    let _memory = crate::memory_test();
    for x in [-3i64, 0, 1, 2, 7] {
        assert_eq!(
            arr_for_by_value_mutating(x, 0u8),
            arr_for_by_value_mutating_rs(x, 0u8),
            "for by value {x}"
        );
        assert_eq!(
            arr_swap_literal(x),
            arr_swap_literal_rs(x),
            "swap literal {x}"
        );
        assert_eq!(arr_nested_copy(x), arr_nested_copy_rs(x), "nested {x}");
        assert_eq!(
            arr_unwrapped_into_let(x),
            arr_unwrapped_into_let_rs(x),
            "unwrap let {x}"
        );
        assert_eq!(arr_option_if_let(x), arr_option_if_let_rs(x), "option {x}");
        assert_eq!(arr_by_value_param(x), arr_by_value_param_rs(x), "param {x}");
        assert_eq!(
            arr_iter_mut_and_ref(x),
            arr_iter_mut_and_ref_rs(x),
            "iter {x}"
        );
        assert_eq!(
            arr_of_tuples_sorted_copy(x),
            arr_of_tuples_sorted_copy_rs(x),
            "tuples {x}"
        );
        assert_eq!(arr_bsearch(x), arr_bsearch_rs(x), "bsearch {x}");
    }
    for x in [0.0, -0.0, f64::NAN, 1.0] {
        assert_eq!(arr_eq(x), arr_eq_rs(x), "eq {x}");
    }
}

#[test]
fn ok_sorting_and_searching_arrays_match_rust() {
    let _memory = crate::memory_test();
    for x in [-3i64, 0, 3, 9] {
        assert_eq!(arr_sort(x), arr_sort_rs(x));
        assert_eq!(arr_sort_by(x), arr_sort_by_rs(x));
        assert_eq!(arr_select(x), arr_select_rs(x));
    }
}

// ---- (2) array fields ----

#[jitclass]
pub struct RaGrid {
    pub a: [i64; 3],
    pub pairs: [(i64, f64); 2],
}

#[jitclass]
impl RaGrid {
    pub fn new() -> RaGrid {
        RaGrid {
            a: [1, 2, 3],
            pairs: [(1, 1.0), (2, 2.0)],
        }
    }
    pub fn swap_by_literal(&mut self) {
        self.a = [self.a[1], self.a[0], self.a[2] + self.a[0]];
    }
    pub fn copy_then_mutate(&mut self) -> i64 {
        let c = self.a;
        self.a[0] = 50;
        c[0]
    }
    pub fn sort_field(&mut self) {
        self.a.sort_by(|x, y| y.cmp(x));
    }
}

#[test]
fn ok_array_fields_copy_and_sort() {
    let _m = memory_test();
    {
        let mut g = RaGrid::new();
        g.swap_by_literal();
        assert_eq!(g.a(), [2, 1, 4]);
        assert_eq!(g.copy_then_mutate(), 2);
        assert_eq!(g.a(), [50, 1, 4]);
        g.sort_field();
        assert_eq!(g.a(), [50, 4, 1]);
        assert_eq!(g.pairs(), [(1, 1.0), (2, 2.0)]);
    }
    assert_no_leaks();
}

// ---- (3) large arrays of tuples ----

#[jit]
fn ra_big_tuples(x: f64) -> f64 {
    let mut a = [(0.0f64, 0i64); 128];
    for i in 0..a.len() {
        a[i] = (x * i as f64, i as i64);
    }
    let b = a;
    let mut s = 0.0;
    for p in b {
        s += p.0 + p.1 as f64;
    }
    s
}

#[test]
fn ok_array_of_128_tuples() {
    let _memory = crate::memory_test();
    assert_eq!(ra_big_tuples(1.0), 2.0 * (127.0 * 128.0 / 2.0));
}

// ---- nested arrays, arrays of `Option`s, keys ----

twice!(nested_row_copy, nested_row_copy_rs, fn(i: usize, j: usize) -> i64 {
    let mut a = [[0i64; 4]; 4];
    a[0] = [1, 2, 3, 4];
    a[i] = a[j];
    a[j][0] = 9;
    a[i][0] * 10 + a[i][3]
});

twice!(options_in_array, options_in_array_rs, fn(x: f64) -> f64 {
    let mut a: [Option<f64>; 3] = [None; 3];
    a[1] = Some(x);
    let b = a;
    a[2] = Some(1.0);
    let mut s = 0.0;
    for o in b {
        if let Some(v) = o {
            s += v;
        }
    }
    s + a[2].unwrap()
});

twice!(negating_key, negating_key_rs, fn(mut v: Vec<i64>) -> i64 {
    v.sort_by_key(|x| -x);
    v[0]
});

#[test]
fn ok_nested_rows_options_in_arrays_and_keys_match_rust() {
    let _memory = crate::memory_test();
    for (i, j) in [(0, 0), (1, 0), (0, 1), (3, 3)] {
        assert_eq!(nested_row_copy(i, j), nested_row_copy_rs(i, j), "{i} {j}");
    }
    assert_eq!(options_in_array(2.5), options_in_array_rs(2.5));
    assert_eq!(
        negating_key(vec![3, -1, 7]),
        negating_key_rs(vec![3, -1, 7])
    );
    // Overflow in a key wraps, as documented for jit code (release semantics).
    assert_eq!(negating_key(vec![3, i64::MIN]), i64::MIN);
}
