//! Tuples: in and out of jit code, destructured, nested, and holding instances.

use crate::balanced_since;
use crate::fixtures::{RCell, RNode};
use jitclass::jit;

#[jit]
fn swap(p: (i32, f64)) -> (f64, i32) {
    (p.1, p.0)
}

#[jit]
fn min_max(xs: &[i64]) -> (i64, i64) {
    let mut lo = xs[0];
    let mut hi = xs[0];
    for i in 1..xs.len() {
        if xs[i] < lo {
            lo = xs[i];
        }
        if xs[i] > hi {
            hi = xs[i];
        }
    }
    (lo, hi)
}

#[jit]
fn destructure(t: (u8, (bool, i16), f32)) -> i16 {
    let (a, (flag, b), _) = t;
    if flag { a as i16 + b } else { b - a as i16 }
}

#[jit]
fn mutate_fields() -> (i64, (i64, bool)) {
    let mut t = (1, (2, false));
    t.0 = 10;
    (t.1).0 += 5;
    t.1.1 = true;
    t
}

#[jit]
fn nested_through_calls(x: i64) -> i64 {
    let (a, b) = divmod(x, 7);
    a * 100 + b
}

#[jit]
fn divmod(a: i64, b: i64) -> (i64, i64) {
    (a / b, a % b)
}

#[jit]
fn one_tuple(x: (u16,)) -> (u16,) {
    (x.0 + 1,)
}

#[jit]
fn with_unit(x: ()) -> ((), i32) {
    (x, 7)
}

#[test]
fn tuples_in_and_out() {
    assert_eq!(swap((3, 1.5)), (1.5, 3));
    assert_eq!(min_max(&[4, -2, 9, 0]), (-2, 9));
    assert_eq!(destructure((3, (true, 10), 0.0)), 13);
    assert_eq!(destructure((3, (false, 10), 0.0)), 7);
    assert_eq!(mutate_fields(), (10, (7, true)));
    assert_eq!(nested_through_calls(23), 302);
    assert_eq!(one_tuple((41,)), (42,));
    assert_eq!(with_unit(()), ((), 7));
    crate::assert_no_leaks();
}

// ---- BUG: a tuple local is borrowed as an argument, a later argument assigns its element --

#[jit]
fn tuple_first_value(t: (RCell, i64), k: i64) -> i64 {
    t.0.value + k
}

#[jit]
fn tuple_arg_then_element_assigned() -> i64 {
    let mut t = (RCell::new(7), 1);
    // Rust evaluates `t` (a copy of the tuple, the instance included) before the second
    // argument; the callee must see the instance holding 7.
    tuple_first_value(t.clone(), {
        t.0 = RCell::new(100);
        // Allocated right after the old `t.0` was released: reuses its block.
        let z = RCell::new(555);
        z.value - 555
    })
}

#[test]
fn fixed_tuple_local_borrowed_while_later_argument_assigns_element() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(tuple_arg_then_element_assigned(), 7);
    assert!(balanced_since(&before));
}

// ---- probes: tuples and destructuring holding instances ---------------------------------

#[jit]
fn tuples_and_destructuring(n: i64) -> i64 {
    let a = RCell::new(1);
    let t = (a, Some(RCell::new(2)), RNode::new(3, None));
    let (x, _, z) = t.clone();
    let (_, y, _) = t;
    let mut total = x.value + z.value;
    if let Some(c) = y {
        total += c.value;
    }
    let u = (RCell::new(n), (RCell::new(10), None));
    let (p, (q, r)) = u.clone();
    let r2: Option<RCell> = r;
    total += p.value + q.value + r2.unwrap_or(RCell::new(100)).value;
    total += t.0.value + t.2.value + u.1.0.value;
    total
}

#[test]
fn ok_tuples_and_destructuring() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(
        tuples_and_destructuring(5),
        1 + 3 + 2 + 5 + 10 + 100 + 1 + 3 + 10
    );
    assert!(balanced_since(&before));
}
