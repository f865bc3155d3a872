//! Calls between jit fns: across modules, recursion, many parameters, and the order in
//! which arguments are evaluated.

use crate::balanced_since;
use crate::fixtures::{RCell, take3};
use jitclass::jit;

pub mod geometry {
    use jitclass::jit;

    #[jit]
    pub fn square(x: f64) -> f64 {
        x * x
    }

    #[jit]
    pub fn norm(x: f64, y: f64) -> f64 {
        (square(x) + square(y)).sqrt()
    }
}

use geometry::square;

#[jit]
fn hypot_via_module(x: f64, y: f64) -> f64 {
    geometry::norm(x, y)
}

#[jit]
fn sum_of_squares(n: i64) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += square(i as f64);
    }
    s
}

#[jit]
fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

#[jit]
fn is_even(n: u32) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}

#[jit]
fn is_odd(n: u32) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

#[jit]
fn ackermann(m: u64, n: u64) -> u64 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        ackermann(m - 1, 1)
    } else {
        ackermann(m - 1, ackermann(m, n - 1))
    }
}

#[jit]
fn no_args() -> i32 {
    42
}

#[jit]
fn calls_no_args() -> i32 {
    no_args() + no_args()
}

// Twelve parameters on purpose: the glue supports up to sixteen.
#[allow(clippy::too_many_arguments)]
#[jit]
fn many_params(
    a: i8,
    b: i16,
    c: i32,
    d: i64,
    e: u8,
    f: u16,
    g: u32,
    h: u64,
    i: f32,
    j: f64,
    k: bool,
    l: usize,
) -> f64 {
    let flag = if k { 1.0 } else { 0.0 };
    a as f64
        + b as f64
        + c as f64
        + d as f64
        + e as f64
        + f as f64
        + g as f64
        + h as f64
        + i as f64
        + j
        + flag
        + l as f64
}

#[test]
fn calls_across_modules() {
    assert_eq!(hypot_via_module(3.0, 4.0), 5.0);
    assert_eq!(geometry::norm(6.0, 8.0), 10.0);
    assert_eq!(sum_of_squares(4), 14.0);
}

#[test]
fn recursion_and_mutual_recursion() {
    assert_eq!(fib(25), 75025);
    assert!(is_even(10));
    assert!(is_odd(7));
    assert!(!is_odd(100));
    assert_eq!(ackermann(2, 3), 9);
    crate::assert_no_leaks();
}

#[test]
fn functions_without_and_with_many_parameters() {
    assert_eq!(calls_no_args(), 84);
    assert_eq!(
        many_params(1, 2, 3, 4, 5, 6, 7, 8, 9.5, 10.25, true, 11),
        67.75
    );
}

#[test]
fn jit_fns_defined_inside_a_function_body() {
    #[jit]
    fn local_double(x: i64) -> i64 {
        x * 2
    }
    #[jit]
    fn local_quad(x: i64) -> i64 {
        local_double(local_double(x))
    }
    assert_eq!(local_quad(3), 12);
}

// ---- probes: a local assigned in a later argument of a call that borrows it --------------

#[jit]
fn local_assigned_in_later_argument() -> i64 {
    let mut a = RCell::new(7);
    take3(a, RCell::new(1), {
        a = RCell::new(100);
        let z = RCell::new(555);
        z.value - 555
    }) + a.value
}

#[jit]
fn swap_args(a: RCell, b: RCell) -> i64 {
    a.value * 10 + b.value
}

#[jit]
fn swap_through_arguments() -> i64 {
    let mut a = RCell::new(1);
    let mut b = RCell::new(2);
    let mut t = RCell::new(0);
    swap_args(a.clone(), {
        t = a;
        a = b;
        b = t;
        b
    })
}

#[test]
#[allow(clippy::identity_op)] // Expected values spell out the computation (`0 + 1 + 2`).
fn ok_local_assigned_in_later_argument() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(local_assigned_in_later_argument(), 7 + 1 + 0 + 100);
    assert_eq!(swap_through_arguments(), 11);
    assert!(balanced_since(&before));
}
