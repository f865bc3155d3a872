//! A turbofish in jit code: on a generic fn's call (`sides_of::<S>()`, `fresh::<f64>()`),
//! on a method's (`a.pick::<i64>(1, 2)`) and an associated function's, naming a type
//! parameter no argument determines, a class, a generic class's instantiation, a `Vec<T>`
//! and the enclosing fn's own parameter; compared with rustc's build of the same program.

use crate::{assert_no_leaks, memory_test};
use jitclass::{Type, jit, jitclass};

#[jit]
pub trait Sided {
    fn area(&self) -> f64;
    fn unit() -> Self;
    fn sides() -> i64;
}

#[jitclass]
pub struct Tri {
    a: f64,
}

#[jitclass]
impl Sided for Tri {
    fn area(&self) -> f64 {
        self.a * self.a * 0.5
    }
    fn unit() -> Self {
        Tri { a: 1.0 }
    }
    fn sides() -> i64 {
        3
    }
}

#[jitclass]
pub struct Quad {
    a: f64,
}

#[jitclass]
impl Sided for Quad {
    fn area(&self) -> f64 {
        self.a * self.a
    }
    fn unit() -> Self {
        Quad { a: 2.0 }
    }
    fn sides() -> i64 {
        4
    }
}

#[jitclass]
#[derive(Default)]
pub struct Bin<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Bin<T> {
    pub fn new() -> Self {
        Bin { items: Vec::new() }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn tagged<U: Copy>(&self, u: U) -> Vec<(T, U)> {
        let mut out = Vec::new();
        for x in self.items.iter() {
            out.push((*x, u));
        }
        out
    }

    pub fn filled<U: Default>(n: i64) -> Vec<U> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(U::default());
        }
        out
    }
}

#[jitclass]
pub struct Chooser {
    bias: f64,
}

#[jitclass]
impl Chooser {
    pub fn new(bias: f64) -> Chooser {
        Chooser { bias }
    }

    pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
        if self.bias > 0.0 { a } else { b }
    }

    pub fn blank<U: Default>(&self) -> U {
        U::default()
    }
}

#[jit]
fn sides_of<S: Sided>() -> i64 {
    S::sides()
}

#[jit]
fn unit_areas<S: Sided>(n: i64) -> f64 {
    let mut total = 0.0;
    for i in 0..n {
        total += S::unit().area() * i as f64;
    }
    total
}

#[jit]
fn fresh<T: Default>() -> T {
    T::default()
}

#[jit]
fn pair_with_fresh<T: Default + Copy>(x: T) -> (T, T) {
    (x, fresh::<T>())
}

#[jit]
fn one_more<T>(x: T) -> Vec<T> {
    let mut v = fresh::<Vec<T>>();
    v.push(x);
    v
}

/// A method's turbofish in a body with an unbounded parameter, which rustc does not type
/// (no shadow): its count is checked at the first call.
#[jit]
fn method_count_at_first_call<T>(x: T) -> T {
    let c = Chooser::new(1.0);
    let _ = c.pick::<i64, i64>(1, 2);
    x
}

/// Every kind of turbofish, from a non-generic body (which rustc's shadow checks).
#[jit]
fn turbofish_calls(n: i64) -> f64 {
    let sides = sides_of::<Tri>() * 10 + sides_of::<Quad>();
    let areas = unit_areas::<Tri>(n) + unit_areas::<Quad>(n);
    let zero = fresh::<f64>() + fresh::<i64>() as f64;
    let mut v = fresh::<Vec<i64>>();
    v.push(n);
    let mut bin = fresh::<Bin<f64>>();
    bin.push(1.5);
    bin.push(n as f64);
    let (a, b) = pair_with_fresh::<u8>(7);
    let more = one_more::<i64>(n);
    let c = Chooser::new(n as f64 - 1.0);
    let picked = c.pick::<i64>(1, 2) as f64 + c.pick::<f64>(0.25, 0.5);
    let blank = c.blank::<i64>() as f64 + c.blank::<f64>();
    let tags = bin.tagged::<bool>(true);
    let filled = Bin::<f64>::filled::<u16>(n);
    let mut total = sides as f64 + areas + zero + picked + blank;
    total += (v.len() + bin.len() + more.len() + tags.len() + filled.len()) as f64;
    total + a as f64 + b as f64 + more[0] as f64
}

/// The same program compiled by rustc.
mod rust {
    pub trait Sided {
        fn area(&self) -> f64;
        fn unit() -> Self;
        fn sides() -> i64;
    }

    pub struct Tri {
        a: f64,
    }

    impl Sided for Tri {
        fn area(&self) -> f64 {
            self.a * self.a * 0.5
        }
        fn unit() -> Self {
            Tri { a: 1.0 }
        }
        fn sides() -> i64 {
            3
        }
    }

    pub struct Quad {
        a: f64,
    }

    impl Sided for Quad {
        fn area(&self) -> f64 {
            self.a * self.a
        }
        fn unit() -> Self {
            Quad { a: 2.0 }
        }
        fn sides() -> i64 {
            4
        }
    }

    #[derive(Default)]
    pub struct Bin<T> {
        items: Vec<T>,
    }

    impl<T: Copy> Bin<T> {
        pub fn push(&mut self, x: T) {
            self.items.push(x);
        }
        pub fn len(&self) -> usize {
            self.items.len()
        }
        pub fn tagged<U: Copy>(&self, u: U) -> Vec<(T, U)> {
            let mut out = Vec::new();
            for x in self.items.iter() {
                out.push((*x, u));
            }
            out
        }
        pub fn filled<U: Default>(n: i64) -> Vec<U> {
            let mut out = Vec::new();
            for _ in 0..n {
                out.push(U::default());
            }
            out
        }
    }

    pub struct Chooser {
        bias: f64,
    }

    impl Chooser {
        pub fn new(bias: f64) -> Chooser {
            Chooser { bias }
        }
        pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
            if self.bias > 0.0 { a } else { b }
        }
        pub fn blank<U: Default>(&self) -> U {
            U::default()
        }
    }

    fn sides_of<S: Sided>() -> i64 {
        S::sides()
    }

    fn unit_areas<S: Sided>(n: i64) -> f64 {
        let mut total = 0.0;
        for i in 0..n {
            total += S::unit().area() * i as f64;
        }
        total
    }

    fn fresh<T: Default>() -> T {
        T::default()
    }

    fn pair_with_fresh<T: Default + Copy>(x: T) -> (T, T) {
        (x, fresh::<T>())
    }

    fn one_more<T>(x: T) -> Vec<T> {
        let mut v = fresh::<Vec<T>>();
        v.push(x);
        v
    }

    pub fn turbofish_calls(n: i64) -> f64 {
        let sides = sides_of::<Tri>() * 10 + sides_of::<Quad>();
        let areas = unit_areas::<Tri>(n) + unit_areas::<Quad>(n);
        let zero = fresh::<f64>() + fresh::<i64>() as f64;
        let mut v = fresh::<Vec<i64>>();
        v.push(n);
        let mut bin = fresh::<Bin<f64>>();
        bin.push(1.5);
        bin.push(n as f64);
        let (a, b) = pair_with_fresh::<u8>(7);
        let more = one_more::<i64>(n);
        let c = Chooser::new(n as f64 - 1.0);
        let picked = c.pick::<i64>(1, 2) as f64 + c.pick::<f64>(0.25, 0.5);
        let blank = c.blank::<i64>() as f64 + c.blank::<f64>();
        let tags = bin.tagged::<bool>(true);
        let filled = Bin::<f64>::filled::<u16>(n);
        let mut total = sides as f64 + areas + zero + picked + blank;
        total += (v.len() + bin.len() + more.len() + tags.len() + filled.len()) as f64;
        total + a as f64 + b as f64 + more[0] as f64
    }
}

#[test]
fn jit_code_calls_with_a_turbofish() {
    let _memory = memory_test();
    for n in [0, 1, 3, 8] {
        assert_eq!(turbofish_calls(n), rust::turbofish_calls(n), "n = {n}");
    }
    assert_no_leaks();
}

#[test]
fn a_turbofish_names_the_enclosing_fns_parameter() {
    let _memory = memory_test();
    assert_eq!(pair_with_fresh(2.5), (2.5, 0.0));
    assert_eq!(pair_with_fresh(9_i32), (9, 0));
    assert_eq!(one_more('x'), vec!['x']);
    assert_eq!(one_more(Some(3_u8)), vec![Some(3)]);
    let _ = Bin::<f64>::new();
    assert_no_leaks();
}

#[test]
fn a_wrong_count_in_a_generic_body_is_rustcs_e0107_at_the_first_call() {
    let err = method_count_at_first_call::dispatcher()
        .compile(&[Type::F64])
        .unwrap_err();
    assert_eq!(
        err.message(),
        "method takes 1 generic argument but 2 generic arguments were supplied"
    );
    let loc = err.location().unwrap();
    assert!(
        loc.starts_with("tests/tests/integration/turbofish.rs:"),
        "{loc}"
    );
}
