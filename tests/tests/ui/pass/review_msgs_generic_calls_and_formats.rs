//! Valid generic bodies the format check and the trait-path call check must accept:
//! calls by a CamelCase path that is a type (a class's associated fn, a plain struct), a bounded parameter, shadowing by another type in
//! match arms, loops and blocks, and formatting a concrete parameter's copy.
#![allow(dead_code, unused_variables, unused_labels)]
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Holder {
    pub n: i64,
}

#[jitclass]
impl Holder {
    pub fn count<T>(xs: &[T]) -> i64 {
        xs.len() as i64
    }

    pub fn one<T>(x: &T) -> i64 {
        1
    }
}

#[jit]
fn class_assoc_fn_of_value<T>(x: &T) -> i64 {
    let y = x;
    Holder::one(x) + Holder::one(y)
}

#[jit]
fn class_assoc_fn<T>(xs: &[T]) -> i64 {
    Holder::count(xs)
}

#[jit]
fn shadowed_in_arms<T>(x: T, n: Option<i64>) -> String {
    match n {
        Some(x) => format!("{x}"),
        None => String::new(),
    }
}

#[jit]
fn shadowed_in_loops<T>(x: T, n: i64) -> String {
    let mut s = String::new();
    for x in 0..n {
        s.push_str(&format!("{}", x));
    }
    'outer: loop {
        let x = n;
        s.push_str(&format!("{x}"));
        break 'outer;
    }
    let r = {
        let x = 3i64;
        format!("{:?}", x)
    };
    s + &r
}

#[jit]
fn concrete_copy<T>(x: &T, n: i64) -> String {
    let y = n;
    let z = y.clone();
    format!("{y}{z}")
}

fn main() {}
