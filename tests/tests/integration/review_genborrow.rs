//! Review probes of held references in generic bodies: a `&T` loop element passed to a
//! generic fn and used through what it returns, as rustc's build of the same code runs it.

use crate::{balanced_since, memory_test};
use jitclass::jit;

#[jit]
fn pass<U>(u: U) -> U {
    u
}

#[jit]
fn lens_through_pass<T>(v: Vec<Vec<f64>>, t: T) -> (usize, T) {
    let mut n = 0;
    for w in &v {
        let w2 = w;
        n += pass(w2).len();
    }
    (n, t)
}

#[jit]
fn text_lens_through_pass<T>(v: Vec<String>, t: T) -> (usize, T) {
    let mut n = 0;
    for w in &v {
        let w2 = w;
        n += pass(w2).len();
    }
    (n, t)
}

fn pass_rs<U>(u: U) -> U {
    u
}

fn lens_through_pass_rs(v: Vec<Vec<f64>>) -> usize {
    let mut n = 0;
    for w in &v {
        let w2 = w;
        n += pass_rs(w2).len();
    }
    n
}

fn text_lens_through_pass_rs(v: Vec<String>) -> usize {
    let mut n = 0;
    for w in &v {
        let w2 = w;
        n += pass_rs(w2).len();
    }
    n
}

#[test]
fn held_vec_reference_through_a_generic_fn_runs() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![vec![1.0, 2.0], vec![3.5], vec![]];
    assert_eq!(
        lens_through_pass(v.clone(), 3u8),
        (lens_through_pass_rs(v), 3u8)
    );
    assert!(balanced_since(&before));
}

#[test]
fn held_string_reference_through_a_generic_fn_runs() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec!["ab".to_string(), String::new(), "xyz".to_string()];
    assert_eq!(
        text_lens_through_pass(v.clone(), 3u8),
        (text_lens_through_pass_rs(v), 3u8)
    );
    assert!(balanced_since(&before));
}

/// Neighbours of the call above: `Some(w)` of a `&Option<Vec<f64>>`, a `let w = w.clone();`
/// shadow passed by value, a nested loop's element, a number element, a tuple of the
/// reference.
#[jit]
fn neighbours<T>(v: Vec<Vec<f64>>, o: Vec<Option<Vec<f64>>>, t: T) -> (f64, T) {
    let mut n = 0.0;
    for e in &o {
        if let Some(w) = e {
            n += pass(w).len() as f64;
        }
    }
    for w in &v {
        let w = w.clone();
        n += pass(w).len() as f64 * 10.0;
    }
    for w in &v {
        for x in w {
            let y = x;
            n += pass(y) * 100.0;
        }
        let (a, b) = (w, 1.0);
        n += a.len() as f64 + b;
    }
    (n, t)
}

#[allow(clippy::manual_flatten, clippy::redundant_clone)]
fn neighbours_rs(v: Vec<Vec<f64>>, o: Vec<Option<Vec<f64>>>) -> f64 {
    let mut n = 0.0;
    for e in &o {
        if let Some(w) = e {
            n += pass_rs(w).len() as f64;
        }
    }
    for w in &v {
        let w = w.clone();
        n += pass_rs(w).len() as f64 * 10.0;
    }
    for w in &v {
        for x in w {
            let y = x;
            n += pass_rs(y) * 100.0;
        }
        let (a, b) = (w, 1.0);
        n += a.len() as f64 + b;
    }
    n
}

#[test]
fn held_reference_neighbours_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![vec![1.0, 2.0], vec![3.5], vec![]];
    let o = vec![Some(vec![4.0, 0.5]), None, Some(vec![])];
    assert_eq!(
        neighbours(v.clone(), o.clone(), 'q'),
        (neighbours_rs(v, o), 'q')
    );
    assert!(balanced_since(&before));
}
