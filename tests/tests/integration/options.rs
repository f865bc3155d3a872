//! `Option`: in and out of jit code, `match`/`if let`/`while let`, methods, and options
//! holding instances.

use crate::balanced_since;
use crate::fixtures::{RCell, RNode};
use jitclass::jit;

#[jit]
fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut total = 0.0;
    for i in 0..xs.len() {
        total += xs[i];
    }
    Some(total / xs.len() as f64)
}

#[jit]
fn or_zero(x: Option<i64>) -> i64 {
    if let Some(v) = x { v } else { 0 }
}

#[jit]
fn describe(x: Option<u8>) -> i32 {
    match x {
        None => -1,
        Some(v) => v as i32 * 2,
    }
}

#[jit]
fn with_wildcard(x: Option<bool>) -> u8 {
    match x {
        Some(flag) => {
            if flag {
                3
            } else {
                4
            }
        }
        _ => 4,
    }
}

#[jit]
fn first_index_of(xs: &[i32], wanted: i32) -> Option<usize> {
    for i in 0..xs.len() {
        if xs[i] == wanted {
            return Some(i);
        }
    }
    None
}

#[jit]
fn methods(x: Option<f32>) -> (bool, bool, f32) {
    (x.is_some(), x.is_none(), x.unwrap_or(-1.0))
}

#[jit]
fn unwrap_it(x: Option<i16>) -> i16 {
    x.unwrap()
}

#[jit]
fn countdown(start: u32) -> u32 {
    let mut next = Some(start);
    let mut steps = 0;
    while let Some(n) = next {
        steps += 1;
        next = if n == 0 { None } else { Some(n - 1) };
    }
    steps
}

#[jit]
fn if_let_none(x: Option<i64>) -> i64 {
    if let None = x { 100 } else { 200 }
}

#[jit]
fn nested(x: Option<Option<(bool, i8)>>) -> i8 {
    match x {
        Some(inner) => match inner {
            Some((flag, v)) => {
                if flag {
                    v
                } else {
                    -v
                }
            }
            None => 0,
        },
        None => -128,
    }
}

#[jit]
fn pass_through<T>(x: Option<T>) -> Option<T> {
    x
}

#[test]
fn options_in_and_out() {
    assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0));
    assert_eq!(mean(&[]), None);
    assert_eq!((or_zero(Some(7)), or_zero(None)), (7, 0));
    assert_eq!(first_index_of(&[4, 5, 6], 6), Some(2));
    assert_eq!(first_index_of(&[4, 5, 6], 9), None);
    assert_eq!(pass_through(Some((1u8, true))), Some((1, true)));
    assert_eq!(pass_through::<f64>(None), None);
    crate::assert_no_leaks();
}

#[test]
fn match_if_let_and_while_let() {
    assert_eq!((describe(None), describe(Some(21))), (-1, 42));
    assert_eq!(
        (
            with_wildcard(Some(true)),
            with_wildcard(Some(false)),
            with_wildcard(None)
        ),
        (3, 4, 4)
    );
    assert_eq!(countdown(4), 5);
    assert_eq!((if_let_none(None), if_let_none(Some(1))), (100, 200));
    assert_eq!(nested(Some(Some((true, 5)))), 5);
    assert_eq!(nested(Some(Some((false, 5)))), -5);
    assert_eq!(nested(Some(None)), 0);
    assert_eq!(nested(None), -128);
}

#[test]
fn option_methods_and_unwrap_panics() {
    assert_eq!(methods(Some(2.5)), (true, false, 2.5));
    assert_eq!(methods(None), (false, true, -1.0));
    assert_eq!(unwrap_it(Some(-3)), -3);
    let err = std::panic::catch_unwind(|| unwrap_it(None)).unwrap_err();
    let msg = err.downcast_ref::<String>().unwrap();
    assert!(
        msg.starts_with("called `Option::unwrap()` on a `None` value\n"),
        "{msg}"
    );
    assert!(msg.contains("jit fn `unwrap_it`"), "{msg}");
}

// ---- probes: options holding instances --------------------------------------------------

#[jit]
fn option_forms(some: bool) -> i64 {
    let o = if some { Some(RCell::new(4)) } else { None };
    let mut total = 0;
    match o.clone() {
        Some(c) => total += c.value,
        None => total += 1000,
    }
    match o {
        Some(_) => total += 10,
        None => {}
    }
    total += o.clone().unwrap_or(RCell::new(20)).value;
    let d = RCell::new(30);
    total += o.clone().unwrap_or(d).value;
    if o.is_some() {
        total += o.unwrap().value;
    }
    total
}

#[test]
fn ok_option_forms() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(option_forms(true), 4 + 10 + 4 + 4 + 4);
    assert_eq!(option_forms(false), 1000 + 20 + 30);
    assert!(balanced_since(&before));
}

// ---- probes: `head = Some(Node::new(1, head))`, option chains, match ---------------------

#[jit]
fn option_chain(n: i64) -> i64 {
    let mut head: Option<RNode> = None;
    for i in 0..n {
        head = Some(RNode::new(i, head));
    }
    let mut total = 0;
    // Walk with `unwrap` and `is_some` reading the same variable.
    let mut cur = head.clone();
    while cur.is_some() {
        total += cur.clone().unwrap().value;
        cur = cur.unwrap().next.clone();
    }
    // `match` with a `_` arm.
    total += match head.clone() {
        Some(h) => h.value * 100,
        _ => -1,
    };
    // Rebuild from itself.
    head = match head {
        Some(h) => h.next.clone(),
        None => None,
    };
    total += head.unwrap_or(RNode::new(-1000, None)).value * 10_000;
    total
}

#[test]
#[allow(clippy::identity_op)] // Expected values spell out the computation (`0 + 1 + 2`).
fn ok_option_chain() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(option_chain(4), 6 + 300 + 20_000);
    assert_eq!(option_chain(1), 0 + 0 + -10_000_000);
    assert!(balanced_since(&before));
}
