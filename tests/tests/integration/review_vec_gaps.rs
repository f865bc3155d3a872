//! Review of the `Vec` crossing, equality, clone, reference and consuming-loop work (issue
//! 15v): probes that failed when written, each compared with rustc's build of the same
//! tokens where rustc accepts them.

// The probes spell their nested `Vec` types out, as users write them.
#![allow(clippy::type_complexity)]

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

#[jitclass]
pub struct Ragged {
    rows: Vec<Option<Vec<f64>>>,
}

#[jitclass]
impl Ragged {
    pub fn new(rows: Vec<Option<Vec<f64>>>) -> Ragged {
        Ragged { rows }
    }

    /// `w` is a `&Vec<f64>` in Rust (a binding of a `match` over a borrowed `Option`).
    pub fn count(&self) -> usize {
        let mut n = 0;
        for r in &self.rows {
            match r {
                Some(w) => {
                    for x in w {
                        let y: f64 = 0.0 + x;
                        if y > 0.0 {
                            n += 1;
                        }
                    }
                }
                None => n += 100,
            }
        }
        n
    }
}

twice!(ragged_sum, ragged_sum_rs, fn(v: &Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in v {
        if let Some(w) = o {
            for x in w {
                s += x * *k as f64;
            }
        }
    }
    s
});

/// The same loops in a generic body, which the shadow (rustc) never sees.
#[jit]
fn ragged_sum_generic<T>(
    v: Vec<(i32, Option<Vec<f64>>)>,
    _t: T,
) -> (f64, Vec<(i32, Option<Vec<f64>>)>) {
    let mut s = 0.0;
    for (k, o) in &v {
        if let Some(w) = o {
            for x in w {
                s += x * *k as f64;
            }
        }
    }
    (s, v)
}

/// Fixed: `for x in w` over a `&Vec<T>` bound by a `match` or `if let` on a borrowed
/// `Option<Vec<T>>` took the buffer out of the `Vec` it borrows (the field, the caller's
/// element), emptying it: a wrong count, and a changed `&self`. The shadow also refused
/// the loop (`&&Vec<f64>: shadow::Elements` is not satisfied), naming an internal trait.
#[test]
fn fixed_loop_over_a_borrowed_vec_binding_keeps_it() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let r = Ragged::new(vec![None, Some(vec![1.0, -2.0, 3.0]), Some(vec![])]);
        assert_eq!(r.count(), 102);
        assert_eq!(r.count(), 102);
        assert_eq!(r.rows(), [None, Some(vec![1.0, -2.0, 3.0]), Some(vec![])]);
        let v = vec![(2, Some(vec![1.0, 0.5])), (5, None), (-1, Some(vec![4.0]))];
        assert_eq!(ragged_sum(&v), ragged_sum_rs(&v));
        assert_eq!(ragged_sum(&v), ragged_sum_rs(&v));
        assert_eq!(
            v,
            [(2, Some(vec![1.0, 0.5])), (5, None), (-1, Some(vec![4.0]))]
        );
        let (s, back) = ragged_sum_generic(v.clone(), 0u8);
        assert_eq!((s, back), (ragged_sum_rs(&v), v));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(nested_consuming, nested_consuming_rs, fn(rows: Vec<(i32, Vec<f64>)>) -> (f64, usize) {
    let mut s = 0.0;
    let mut n = 0;
    for (k, row) in rows {
        for x in row {
            s += x * k as f64;
            n += 1;
        }
    }
    (s, n)
});

twice!(nested_through_ref, nested_through_ref_rs, fn(rows: &Vec<Vec<f64>>) -> (f64, usize) {
    let mut s = 0.0;
    let mut n = 0;
    for _ in 0..2 {
        for row in rows {
            s += row.len() as f64;
            n += 1;
        }
    }
    (s, n)
});

/// Fixed: the counter of a `for x in v` loop over a `Vec` (consumed, or a `&Vec<T>`) was
/// set to zero only once per call, so the same loop run again (nested in another loop)
/// began where the previous run had stopped: it skipped elements, and a consumed `Vec`
/// released the skipped ones unseen.
#[test]
fn fixed_vec_loop_restarts_each_time_it_runs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let rows = vec![
            (2, vec![1.0, 0.5]),
            (5, vec![]),
            (-1, vec![4.0]),
            (3, vec![1.0; 3]),
        ];
        assert_eq!(nested_consuming(rows.clone()), nested_consuming_rs(rows));
        let rows = vec![vec![1.0], vec![], vec![2.0, 3.0]];
        assert_eq!(nested_through_ref(&rows), nested_through_ref_rs(&rows));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(grow_rows, grow_rows_rs, fn(v: Vec<Vec<f64>>, x: f64) -> (Vec<Vec<f64>>, usize) {
    let mut v = v;
    let mut n = 0;
    for row in &mut v {
        row.push(x);
        n += row.len();
    }
    for row in v.iter_mut() {
        if row.len() > 1 {
            row.swap(0, 1);
        }
        row.insert(0, -x);
    }
    let mut w = vec![-1.5f64, 2.0];
    for y in &mut w {
        let a = y.abs();
        *y = a + y.max(0.0);
    }
    v.push(w);
    (v, n)
});

twice!(grow_through_param, grow_through_param_rs, fn(v: &mut Vec<Vec<i64>>) -> usize {
    for row in v.iter_mut() {
        row.push(row.len() as i64);
        row.sort();
    }
    v.len()
});

/// Fixed: a method called on the variable of a `&mut` loop (`row.push(x)`, which rustc
/// auto-derefs) was refused with "uses the element ... through `*row` (`*row += 1.0`)".
#[test]
fn fixed_method_on_a_mut_loop_variable() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let v = vec![vec![1.0], vec![], vec![2.0, 3.0]];
        assert_eq!(grow_rows(v.clone(), 4.0), grow_rows_rs(v, 4.0));
        let mut a = vec![vec![3, 1], vec![]];
        let mut b = a.clone();
        assert_eq!(grow_through_param(&mut a), grow_through_param_rs(&mut b));
        assert_eq!(a, b);
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// `w` is a `&Vec<i64>` in Rust: the inner loop reads it, `v` stays whole (a generic body,
/// which the shadow does not check). Passed when written: the lowering makes a loop over
/// a borrowed loop's variable a borrowed loop.
#[jit]
fn nested_borrowed_rows<T>(v: Vec<Vec<i64>>, _t: T) -> (i64, usize, Vec<Vec<i64>>) {
    let mut s = 0;
    for _ in 0..2 {
        for w in &v {
            for x in w {
                s += x;
            }
        }
    }
    let n = v.len();
    (s, n, v)
}

#[test]
fn ok_loop_over_a_borrowed_loop_variable_keeps_it() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let v = vec![vec![1, 2], vec![], vec![30]];
        assert_eq!(nested_borrowed_rows(v.clone(), ()), (66, 3, v));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
