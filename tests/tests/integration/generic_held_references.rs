//! Names that are `&T`s in Rust which jit code holds as values, in generic bodies (which
//! rustc never checks): the element of `for w in &v`, what `Some(w)` binds on one, and a
//! `let` copy of either stay references. Passed to a reference or type parameter, read
//! through `*`, looped over, they run as rustc's build of the same code does; passed where
//! the value is expected they are refused at the first call, as rustc refuses them
//! (E0308). A `&mut` loop after the last use of a reference into its `Vec` runs.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::jit;

#[jit]
fn total(w: &Vec<f64>) -> f64 {
    let mut n = 0.0;
    for x in w {
        n += *x;
    }
    n
}

#[jit]
fn head(w: &[f64]) -> f64 {
    w[0]
}

#[jit]
fn eat(x: Vec<f64>) -> usize {
    let mut x = x;
    x.push(1.0);
    x.len()
}

#[jit]
fn copied_references<T>(v: Vec<Vec<f64>>, o: Vec<Option<Vec<f64>>>, t: T) -> (f64, T) {
    let mut n = 0.0;
    for w in &v {
        let w2 = w;
        n += total(w2) + head(w2);
        for x in w2 {
            n += *x * 10.0;
        }
    }
    for e in &o {
        if let Some(w) = e {
            let w3 = w;
            n += total(w3) * 100.0 + total(w);
        }
    }
    (n, t)
}

#[allow(clippy::manual_flatten)]
fn copied_references_rs(v: Vec<Vec<f64>>, o: Vec<Option<Vec<f64>>>) -> f64 {
    let total = |w: &Vec<f64>| w.iter().sum::<f64>();
    let mut n = 0.0;
    for w in &v {
        let w2 = w;
        n += total(w2) + w2[0];
        for x in w2 {
            n += *x * 10.0;
        }
    }
    for e in &o {
        if let Some(w) = e {
            let w3 = w;
            n += total(w3) * 100.0 + total(w);
        }
    }
    n
}

/// `let y = *e;` copies the element (the push on the path leaving the loop is fine), and
/// `let z = e;` copied then read through `*z` and `z + 1` before the push.
#[jit]
fn number_copies<T>(v: Vec<i64>, t: T) -> (i64, usize, T) {
    let mut v = v;
    let mut got = 0;
    for e in &v {
        let y = *e;
        let z = e;
        got += *z + (z + 1);
        if *e == 2 {
            v.push(9);
            got += y;
            break;
        }
    }
    (got, v.len(), t)
}

fn number_copies_rs(v: Vec<i64>) -> (i64, usize) {
    let mut v = v;
    let mut got = 0;
    for e in &v {
        let y = *e;
        let z = e;
        got += *z + (z + 1);
        if *e == 2 {
            v.push(9);
            got += y;
            break;
        }
    }
    (got, v.len())
}

/// A `&mut` loop once the reference into its `Vec` is dead (its value copied out).
#[jit]
fn mut_loop_after_reference<T>(v: Vec<i64>, t: T) -> (Vec<i64>, T) {
    let mut v = v;
    let f = *v.first().unwrap();
    for x in v.iter_mut() {
        *x += f;
    }
    for x in &mut v {
        *x *= 2;
    }
    (v, t)
}

fn mut_loop_after_reference_rs(v: Vec<i64>) -> Vec<i64> {
    let mut v = v;
    let f = *v.first().unwrap();
    for x in v.iter_mut() {
        *x += f;
    }
    for x in &mut v {
        *x *= 2;
    }
    v
}

#[test]
fn held_references_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![vec![1.0, 2.0], vec![3.5]];
    let o = vec![Some(vec![4.0, 0.5]), None, Some(vec![2.0])];
    assert_eq!(
        copied_references(v.clone(), o.clone(), 7u8),
        (copied_references_rs(v, o), 7u8)
    );
    assert!(balanced_since(&before));
}

#[test]
fn held_number_references_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    for v in [vec![1i64, 2, 3], vec![5, 6], vec![2]] {
        let (got, len) = number_copies_rs(v.clone());
        assert_eq!(number_copies(v.clone(), 'x'), (got, len, 'x'));
    }
    assert!(balanced_since(&before));
}

#[test]
fn held_mut_loops_after_a_dead_reference_run() {
    let _m = memory_test();
    let before = jitclass::stats();
    for v in [vec![1i64, 2, 3], vec![5, 6], vec![2]] {
        assert_eq!(
            mut_loop_after_reference(v.clone(), 1.5),
            (mut_loop_after_reference_rs(v), 1.5)
        );
    }
    assert!(balanced_since(&before));
}

/// `eat(w)` of `w` bound by `Some(w)` on a `&Option<Vec<f64>>`: a `&Vec<f64>` where the
/// `Vec` is expected (rustc's E0308); jit code would have changed the borrowed `Vec`.
#[jit]
fn eats_borrowed<T>(v: Vec<Option<Vec<f64>>>, t: T) -> (usize, T) {
    let mut n = 0;
    for o in &v {
        if let Some(w) = o {
            n += eat(w);
        }
    }
    (n, t)
}

#[test]
fn held_reference_passed_by_value_is_refused_at_the_first_call() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(|| eats_borrowed(vec![Some(vec![1.0])], 0u8));
    assert!(
        message.contains("mismatched types: expected `Vec<f64>`, found `&Vec<f64>`"),
        "{message}"
    );
    assert!(balanced_since(&before));
}
