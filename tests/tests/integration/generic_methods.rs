//! Generic methods (`fn pick<U: Copy>(&self, a: U, b: U) -> U`) of plain and generic
//! classes: specialised per (instantiation, method type arguments) at first call, from
//! Rust (`c.pick::<i64>(..)` and inferred) and from jit code, compared with rustc's build
//! of the same program.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Acc {
    total: f64,
}

#[jitclass]
impl Acc {
    pub fn new(total: f64) -> Acc {
        Acc { total }
    }

    pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
        if self.total > 0.0 { a } else { b }
    }

    pub fn tagged<U: Copy>(&self, u: U) -> (f64, U) {
        (self.total, u)
    }
}

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn repeat_per_item<U: Copy>(&self, u: U) -> Vec<U> {
        let mut out = Vec::new();
        for _ in self.items.iter() {
            out.push(u);
        }
        out
    }

    pub fn zip_first<U: Copy>(&self, u: U) -> Option<(T, U)> {
        match self.items.first() {
            Some(x) => Some((*x, u)),
            None => None,
        }
    }

    /// A generic method calling another, over its own parameter.
    pub fn repeat_plus_one<U: Copy>(&self, u: U) -> Vec<U> {
        let mut v = self.repeat_per_item(u);
        v.push(u);
        v
    }
}

#[jit]
fn generic_methods(n: i64) -> f64 {
    let mut s: Stack<f64> = Stack::new();
    for i in 0..n {
        s.push(i as f64 + 0.5);
    }
    let ints = s.repeat_per_item(3_i64);
    let flags = s.repeat_plus_one(true);
    let first = match s.zip_first(7_u8) {
        Some((x, k)) => x + k as f64,
        None => -1.0,
    };
    let a = Acc::new(n as f64 - 2.0);
    let (t, b) = a.tagged(false);
    let mut sum = first + t + a.pick(1.5, 2.5) + a.pick(10_i64, 20_i64) as f64;
    for x in ints.iter() {
        sum += *x as f64;
    }
    if b {
        sum += 100.0;
    }
    sum + flags.len() as f64
}

/// The same program compiled by rustc.
mod rust {
    pub struct Acc {
        total: f64,
    }

    impl Acc {
        pub fn new(total: f64) -> Acc {
            Acc { total }
        }
        pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
            if self.total > 0.0 { a } else { b }
        }
        pub fn tagged<U: Copy>(&self, u: U) -> (f64, U) {
            (self.total, u)
        }
    }

    pub struct Stack<T> {
        items: Vec<T>,
    }

    impl<T: Copy> Stack<T> {
        pub fn new() -> Self {
            Stack { items: Vec::new() }
        }
        pub fn push(&mut self, x: T) {
            self.items.push(x);
        }
        pub fn repeat_per_item<U: Copy>(&self, u: U) -> Vec<U> {
            let mut out = Vec::new();
            for _ in self.items.iter() {
                out.push(u);
            }
            out
        }
        // As the jit copy writes it (jit code has no closures here).
        #[allow(clippy::manual_map)]
        pub fn zip_first<U: Copy>(&self, u: U) -> Option<(T, U)> {
            match self.items.first() {
                Some(x) => Some((*x, u)),
                None => None,
            }
        }
        pub fn repeat_plus_one<U: Copy>(&self, u: U) -> Vec<U> {
            let mut v = self.repeat_per_item(u);
            v.push(u);
            v
        }
    }

    pub fn generic_methods(n: i64) -> f64 {
        let mut s: Stack<f64> = Stack::new();
        for i in 0..n {
            s.push(i as f64 + 0.5);
        }
        let ints = s.repeat_per_item(3_i64);
        let flags = s.repeat_plus_one(true);
        let first = match s.zip_first(7_u8) {
            Some((x, k)) => x + k as f64,
            None => -1.0,
        };
        let a = Acc::new(n as f64 - 2.0);
        let (t, b) = a.tagged(false);
        let mut sum = first + t + a.pick(1.5, 2.5) + a.pick(10_i64, 20_i64) as f64;
        for x in ints.iter() {
            sum += *x as f64;
        }
        if b {
            sum += 100.0;
        }
        sum + flags.len() as f64
    }
}

#[test]
fn jit_code_calls_generic_methods() {
    let _memory = memory_test();
    for n in [0, 1, 3, 8] {
        assert_eq!(generic_methods(n), rust::generic_methods(n));
    }
    assert_no_leaks();
}

#[test]
fn rust_calls_generic_methods_with_and_without_turbofish() {
    let _memory = memory_test();
    {
        let a = Acc::new(1.0);
        let r = rust::Acc::new(1.0);
        assert_eq!(a.pick::<i64>(3, 4), r.pick::<i64>(3, 4));
        assert_eq!(a.pick(0.5, 1.5), r.pick(0.5, 1.5));
        assert_eq!(a.tagged('x'), r.tagged('x'));
        let mut s: Stack<i32> = Stack::new();
        let mut rs: rust::Stack<i32> = rust::Stack::new();
        for x in [4, -1] {
            s.push(x);
            rs.push(x);
        }
        assert_eq!(s.zip_first(2.5), rs.zip_first(2.5));
        assert_eq!(s.zip_first::<bool>(true), rs.zip_first::<bool>(true));
        assert_eq!(s.repeat_plus_one(9_u16), rs.repeat_plus_one(9_u16));
        assert_eq!(s.repeat_per_item::<i64>(5), rs.repeat_per_item::<i64>(5));
        // Each (instantiation, method type arguments) is one specialisation.
        let mut e: Stack<f64> = Stack::new();
        assert_eq!(e.zip_first(1_u8), None);
        e.push(1.0);
        assert_eq!(e.zip_first(1_u8), Some((1.0, 1)));
    }
    assert_no_leaks();
}
