//! Review of the format check of unbounded generic bodies: valid programs around it
//! (other values formatted, rebound names, bounds from where clauses and impls) build
//! and format as rustc's build of the same code does.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::fmt::{Display, Write};

// Each jit fn is followed by its plain-Rust copy (`_rs`).

#[jit]
fn other_values<T>(_x: T, n: i64, f: f64) -> String {
    let label = "k";
    let mut s = format!(
        "{n:>8}|{:+.3}|{{}}|{0}{0}|{name}|{label}|{:#?}",
        f,
        n,
        name = n
    );
    write!(s, "<{}>", n).unwrap();
    writeln!(s, "{}", format!("{n}:{}", n + 1)).unwrap();
    assert!(n > -100, "n={}", n);
    assert_eq!(n * 2, n + n, "{n} {}", f);
    if n < -1000 {
        panic!("{} too small", n);
    }
    s
}

// The nested `format!` is the probe (a formatting macro inside another).
#[allow(clippy::format_in_format_args)]
fn other_values_rs<T>(_x: T, n: i64, f: f64) -> String {
    let label = "k";
    let mut s = format!(
        "{n:>8}|{:+.3}|{{}}|{0}{0}|{name}|{label}|{:#?}",
        f,
        n,
        name = n
    );
    write!(s, "<{}>", n).unwrap();
    writeln!(s, "{}", format!("{n}:{}", n + 1)).unwrap();
    assert!(n > -100, "n={}", n);
    assert_eq!(n * 2, n + n, "{n} {}", f);
    if n < -1000 {
        panic!("{} too small", n);
    }
    s
}

#[jit]
fn loop_names_the_param<T>(x: T, v: &[i64]) -> String {
    let _kept = x;
    let mut s = String::new();
    for x in v.iter() {
        write!(s, "{x},").unwrap();
    }
    s
}

fn loop_names_the_param_rs<T>(x: T, v: &[i64]) -> String {
    let _kept = x;
    let mut s = String::new();
    for x in v.iter() {
        write!(s, "{x},").unwrap();
    }
    s
}

#[jit]
fn where_bounded<T>(x: T, y: &T) -> String
where
    T: Display,
{
    format!("{x}/{:>4}/{}", y, x)
}

fn where_bounded_rs<T>(x: T, y: &T) -> String
where
    T: Display,
{
    format!("{x}/{:>4}/{}", y, x)
}

#[jitclass]
pub struct RgShown<T> {
    pub v: T,
}

#[jitclass]
impl<T: Display> RgShown<T> {
    pub fn new(v: T) -> Self {
        RgShown { v }
    }

    pub fn with(&self, x: T) -> String {
        format!("[{x}]")
    }
}

#[jitclass]
pub struct RgPlain<T> {
    pub v: T,
}

#[jitclass]
impl<T> RgPlain<T> {
    pub fn new(v: T) -> Self {
        RgPlain { v }
    }

    pub fn bounded_here(&self, x: &T) -> String
    where
        T: Display,
    {
        format!("<{}>", x)
    }

    pub fn count(&self, x: T, n: i64) -> String {
        let _kept = x;
        format!("{n}{}", n * 2)
    }
}

pub struct RgShownRs<T> {
    pub v: T,
}

impl<T: Display> RgShownRs<T> {
    pub fn with(&self, x: T) -> String {
        format!("[{x}]")
    }
}

pub struct RgPlainRs<T> {
    pub v: T,
}

impl<T> RgPlainRs<T> {
    pub fn bounded_here(&self, x: &T) -> String
    where
        T: Display,
    {
        format!("<{}>", x)
    }

    pub fn count(&self, x: T, n: i64) -> String {
        let _kept = x;
        format!("{n}{}", n * 2)
    }
}

#[test]
fn valid_formatting_beside_unbounded_parameters_builds() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        other_values(true, 42, 1.25),
        other_values_rs(true, 42, 1.25)
    );
    assert_eq!(
        other_values(1_i64, -7, -0.5),
        other_values_rs(1_i64, -7, -0.5)
    );
    let v = [3_i64, -1, 8];
    assert_eq!(
        loop_names_the_param(2.0_f64, &v),
        loop_names_the_param_rs(2.0_f64, &v)
    );
    assert_eq!(where_bounded(5_i64, &6), where_bounded_rs(5_i64, &6));
    assert_eq!(where_bounded('a', &'b'), where_bounded_rs('a', &'b'));
    let s = RgShown::new(3_i64);
    let s_rs = RgShownRs { v: 3_i64 };
    assert_eq!(s.with(4), s_rs.with(4));
    assert_eq!(s.v(), s_rs.v);
    let p = RgPlain::new(2.5_f64);
    let p_rs = RgPlainRs { v: 2.5_f64 };
    assert_eq!(p.bounded_here(&1.5), p_rs.bounded_here(&1.5));
    assert_eq!(p.count(0.5, 11), p_rs.count(0.5, 11));
    assert_eq!(p.v(), p_rs.v);
    drop((s, p));
    assert!(balanced_since(&before));
}
