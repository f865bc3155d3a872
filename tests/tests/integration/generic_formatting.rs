//! Formatting in generic bodies, against rustc's build of the same code: a bounded `T`
//! formats as its bound allows; an unbounded body formats its other values, and a local
//! that hides a parameter of `T` is that local (formatting the parameter itself is
//! rustc's E0277 at build time: tests/ui/formatting/format_unbounded_generic.rs).

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

// Each jit fn is followed by its plain-Rust copy (`_rs`).

#[jit]
fn tagged<T: std::fmt::Display>(x: T, n: i64) -> String {
    format!("<{}:{n}> {x:>4}", x)
}

fn tagged_rs<T: std::fmt::Display>(x: T, n: i64) -> String {
    format!("<{}:{n}> {x:>4}", x)
}

#[jit]
fn debugged<T: std::fmt::Debug>(x: &T) -> String {
    format!("[{:?}]", x)
}

fn debugged_rs<T: std::fmt::Debug>(x: &T) -> String {
    format!("[{:?}]", x)
}

#[jit]
fn count_of<T>(xs: &[T], label: &str) -> String {
    let n = xs.len();
    format!("{label}={n} {}", xs.len() * 2)
}

fn count_of_rs<T>(xs: &[T], label: &str) -> String {
    let n = xs.len();
    format!("{label}={n} {}", xs.len() * 2)
}

#[jit]
fn hidden_by_local<T>(x: T, y: i64) -> String {
    let x = y * 2;
    format!("{x}/{}", x + 1)
}

#[allow(unused_variables)]
fn hidden_by_local_rs<T>(x: T, y: i64) -> String {
    let x = y * 2;
    format!("{x}/{}", x + 1)
}

#[jitclass]
pub struct GfBox<T> {
    pub v: T,
    pub k: i64,
}

#[jitclass]
impl<T> GfBox<T> {
    pub fn new(v: T, k: i64) -> Self {
        GfBox { v, k }
    }

    pub fn label(&self, extra: i64) -> String {
        format!("{}#{extra}", self.k)
    }
}

pub struct GfBoxRs<T> {
    pub v: T,
    pub k: i64,
}

impl<T> GfBoxRs<T> {
    pub fn new(v: T, k: i64) -> Self {
        GfBoxRs { v, k }
    }

    pub fn label(&self, extra: i64) -> String {
        format!("{}#{extra}", self.k)
    }
}

#[test]
fn bounded_parameters_format_as_rust_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(tagged(7_i64, 2), tagged_rs(7_i64, 2));
    assert_eq!(tagged(2.5_f64, -1), tagged_rs(2.5_f64, -1));
    assert_eq!(tagged('q', 0), tagged_rs('q', 0));
    assert_eq!(debugged(&-3_i64), debugged_rs(&-3_i64));
    assert_eq!(debugged(&true), debugged_rs(&true));
    assert!(balanced_since(&before));
}

#[test]
fn unbounded_bodies_format_their_other_values_as_rust_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        count_of(&[1_i64, 2, 3], "n"),
        count_of_rs(&[1_i64, 2, 3], "n")
    );
    assert_eq!(count_of::<f64>(&[], "e"), count_of_rs::<f64>(&[], "e"));
    assert_eq!(hidden_by_local(1.5_f64, 4), hidden_by_local_rs(1.5_f64, 4));
    let b = GfBox::new(9_i64, 5);
    let rs = GfBoxRs::new(9_i64, 5);
    assert_eq!(b.label(1), rs.label(1));
    assert_eq!(b.v(), rs.v);
    drop(b);
    assert!(balanced_since(&before));
}

// Scopes: a local hides a parameter of `T` in its block only; a loop's and an `if let`'s
// bindings in their bodies only. What each formats is an `i64`, which rustc
// accepts (formatting `x` itself after the block is E0277:
// tests/ui/formatting/review_genbounds_param_shadowed_in_inner_block.rs).
#[jit]
fn hidden_in_scopes<T>(x: T, n: i64, o: Option<i64>) -> String {
    let inner = {
        let x = n + 1;
        format!("{x}")
    };
    let mut mapped = Vec::new();
    for x in [n, 2] {
        mapped.push(format!("{}", x));
    }
    let found = if let Some(x) = o {
        format!("{:>3}", x)
    } else {
        String::new()
    };
    let _ = x;
    format!("{inner}|{}|{found}", mapped.len())
}

#[allow(unused_variables)]
fn hidden_in_scopes_rs<T>(x: T, n: i64, o: Option<i64>) -> String {
    let inner = {
        let x = n + 1;
        format!("{x}")
    };
    let mut mapped = Vec::new();
    for x in [n, 2] {
        mapped.push(format!("{}", x));
    }
    let found = if let Some(x) = o {
        format!("{:>3}", x)
    } else {
        String::new()
    };
    let _ = x;
    format!("{inner}|{}|{found}", mapped.len())
}

// Locals copied from a bounded `T` format as the bound allows (unbounded, each is E0277:
// tests/ui/formatting/format_unbounded_generic_locals.rs).
#[jit]
fn bounded_locals<T: std::fmt::Display + Clone>(x: &T) -> String {
    let y = x.clone();
    let z: T = y.clone();
    format!("{y}-{}", z)
}

fn bounded_locals_rs<T: std::fmt::Display + Clone>(x: &T) -> String {
    let y = x.clone();
    let z: T = y.clone();
    format!("{y}-{}", z)
}

#[test]
fn scopes_and_locals_format_as_rust_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        hidden_in_scopes(true, 4, Some(7)),
        hidden_in_scopes_rs(true, 4, Some(7))
    );
    assert_eq!(
        hidden_in_scopes(2.5_f64, -1, None),
        hidden_in_scopes_rs(2.5_f64, -1, None)
    );
    assert_eq!(bounded_locals(&12_i64), bounded_locals_rs(&12_i64));
    assert_eq!(bounded_locals(&'c'), bounded_locals_rs(&'c'));
    assert!(balanced_since(&before));
}
