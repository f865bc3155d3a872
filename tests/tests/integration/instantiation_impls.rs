//! Impls of one instantiation of a generic class (`impl Stack<f64>`, `impl Shape for
//! Twice<f64>`): their functions exist on that instantiation only, from Rust and from jit
//! code (non-generic bodies, and generic ones typed per instantiation), compared with
//! rustc's build of the same program; another instantiation has neither the functions
//! (E0599) nor the trait (E0277), told at the first call of a generic body.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

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

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
impl Stack<f64> {
    pub const ZERO: f64 = 0.0;

    pub fn sum(&self) -> f64 {
        let mut s = Self::ZERO;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }

    /// Calls the generic impl's functions, and names the class both ways.
    pub fn scaled(&self, k: f64) -> Stack<f64> {
        let mut out = Stack::new();
        for x in self.items.iter() {
            out.push(*x * k);
        }
        out
    }

    pub fn of_pair(a: f64, b: f64) -> Self {
        let mut s = Self::new();
        s.push(a);
        s.push(b);
        s
    }

    pub fn clear_above(&mut self, limit: f64) -> usize {
        let mut kept = Vec::new();
        for x in self.items.iter() {
            if *x <= limit {
                kept.push(*x);
            }
        }
        let removed = self.items.len() - kept.len();
        self.items = kept;
        removed
    }
}

/// The same name on another instantiation: another function, as in Rust.
#[jitclass]
impl Stack<i64> {
    pub fn sum(&self) -> i64 {
        let mut s = 0;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }
}

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
}

#[jitclass]
pub struct Twice<S> {
    inner: S,
}

#[jitclass]
impl<S: Copy> Twice<S> {
    pub fn new(inner: S) -> Self {
        Twice { inner }
    }
}

#[jitclass]
impl Shape for Twice<f64> {
    fn area(&self) -> f64 {
        self.inner * 2.0
    }
}

#[jit]
fn total<S: Shape>(s: &S, k: f64) -> f64 {
    s.area() + s.scaled(k)
}

#[jit]
fn stack_sums(n: i64) -> f64 {
    let mut s: Stack<f64> = Stack::new();
    let mut t: Stack<i64> = Stack::new();
    for i in 0..n {
        s.push(i as f64 * 0.5);
        t.push(i * 3);
    }
    let mut big = s.scaled(4.0);
    let removed = big.clear_above(6.0);
    s.sum()
        + big.sum()
        + removed as f64
        + t.sum() as f64
        + Stack::<f64>::of_pair(1.5, 2.0).sum()
        + Stack::<f64>::sum(&s)
}

#[jit]
fn shapes(x: f64) -> f64 {
    let t = Twice::new(x);
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Twice::new(x + 1.0)), Box::new(t)];
    let mut sum = 0.0;
    for s in &shapes {
        sum += s.area() + s.scaled(0.5);
    }
    let u = Twice::new(x);
    sum + total(&u, 3.0) + <Twice<f64> as Shape>::area(&u) + u.area()
}

/// A generic body over a concrete instantiation: valid Rust.
#[jit]
fn sum_beside<T: Copy>(x: T, n: i64) -> f64 {
    let mut s = Stack::new();
    let mut other = Stack::new();
    for i in 0..n {
        s.push(i as f64);
        other.push(x);
    }
    s.sum() + other.len() as f64
}

/// Typed per instantiation (rustc would need `Stack<T>: ..` to call `sum`): `T = f64` and
/// `T = i64` each find their own `sum`, any other `T` none.
#[jit]
fn duck_sum<T>(x: T) -> T {
    let mut s = Stack::new();
    s.push(x);
    s.push(x);
    s.sum()
}

/// As above, for the trait of one instantiation.
#[jit]
fn duck_area<T>(x: T) -> f64 {
    Twice::new(x).area()
}

#[jit]
fn duck_total<T>(x: T) -> f64 {
    total(&Twice::new(x), 1.0)
}

/// The same program compiled by rustc.
mod rust {
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
        pub fn len(&self) -> usize {
            self.items.len()
        }
    }

    impl Stack<f64> {
        pub const ZERO: f64 = 0.0;

        pub fn sum(&self) -> f64 {
            let mut s = Self::ZERO;
            for x in self.items.iter() {
                s += *x;
            }
            s
        }

        pub fn scaled(&self, k: f64) -> Stack<f64> {
            let mut out = Stack::new();
            for x in self.items.iter() {
                out.push(*x * k);
            }
            out
        }

        pub fn of_pair(a: f64, b: f64) -> Self {
            let mut s = Self::new();
            s.push(a);
            s.push(b);
            s
        }

        pub fn clear_above(&mut self, limit: f64) -> usize {
            let mut kept = Vec::new();
            for x in self.items.iter() {
                if *x <= limit {
                    kept.push(*x);
                }
            }
            let removed = self.items.len() - kept.len();
            self.items = kept;
            removed
        }
    }

    impl Stack<i64> {
        pub fn sum(&self) -> i64 {
            let mut s = 0;
            for x in self.items.iter() {
                s += *x;
            }
            s
        }
    }

    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
    }

    pub struct Twice<S> {
        inner: S,
    }

    impl<S: Copy> Twice<S> {
        pub fn new(inner: S) -> Self {
            Twice { inner }
        }
    }

    impl Shape for Twice<f64> {
        fn area(&self) -> f64 {
            self.inner * 2.0
        }
    }

    pub fn total<S: Shape>(s: &S, k: f64) -> f64 {
        s.area() + s.scaled(k)
    }

    pub fn stack_sums(n: i64) -> f64 {
        let mut s: Stack<f64> = Stack::new();
        let mut t: Stack<i64> = Stack::new();
        for i in 0..n {
            s.push(i as f64 * 0.5);
            t.push(i * 3);
        }
        let mut big = s.scaled(4.0);
        let removed = big.clear_above(6.0);
        s.sum()
            + big.sum()
            + removed as f64
            + t.sum() as f64
            + Stack::<f64>::of_pair(1.5, 2.0).sum()
            + Stack::<f64>::sum(&s)
    }

    pub fn shapes(x: f64) -> f64 {
        let t = Twice::new(x);
        let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Twice::new(x + 1.0)), Box::new(t)];
        let mut sum = 0.0;
        for s in &shapes {
            sum += s.area() + s.scaled(0.5);
        }
        let u = Twice::new(x);
        sum + total(&u, 3.0) + <Twice<f64> as Shape>::area(&u) + u.area()
    }

    pub fn sum_beside<T: Copy>(x: T, n: i64) -> f64 {
        let mut s = Stack::new();
        let mut other = Stack::new();
        for i in 0..n {
            s.push(i as f64);
            other.push(x);
        }
        s.sum() + other.len() as f64
    }
}

#[test]
fn rust_calls_the_functions_of_its_instantiation() {
    let _memory = memory_test();
    {
        let mut s: Stack<f64> = Stack::new();
        let mut r: rust::Stack<f64> = rust::Stack::new();
        for x in [1.5, -2.0, 4.25] {
            s.push(x);
            r.push(x);
        }
        assert_eq!(s.sum(), r.sum());
        assert_eq!(s.scaled(2.0).sum(), r.scaled(2.0).sum());
        assert_eq!(Stack::<f64>::of_pair(1.0, 2.5).sum(), 3.5);
        assert_eq!(s.clear_above(2.0), r.clear_above(2.0));
        assert_eq!((s.sum(), s.len()), (r.sum(), r.len()));
        let mut t: Stack<i64> = Stack::new();
        t.push(4);
        t.push(-9);
        assert_eq!(t.sum(), -5);
        use Shape as _;
        let w = Twice::new(2.5);
        assert_eq!((w.area(), w.scaled(3.0)), (5.0, 15.0));
    }
    assert_no_leaks();
}

#[test]
fn jit_code_calls_the_functions_of_its_instantiation() {
    let _memory = memory_test();
    for n in [0, 1, 5, 12] {
        assert_eq!(stack_sums(n), rust::stack_sums(n));
        assert_eq!(sum_beside(7_u8, n), rust::sum_beside(7_u8, n));
    }
    for x in [0.0, 1.5, -3.25] {
        assert_eq!(shapes(x), rust::shapes(x));
    }
    assert_eq!(duck_sum(1.25), 2.5);
    assert_eq!(duck_sum(-7_i64), -14);
    assert_eq!(duck_area(1.5), 3.0);
    assert_eq!(duck_total(1.5), rust::total(&rust::Twice::new(1.5), 1.0));
    assert_no_leaks();
}

/// Another instantiation has neither the functions (rustc's E0599, with its note naming
/// the instantiation that has them) nor the trait (E0277).
#[test]
fn another_instantiation_has_none_of_them() {
    let _memory = memory_test();
    let message = panic_message(|| duck_sum(3_i32));
    assert!(
        message
            .contains("no method named `sum` found for struct `Stack<i32>` in the current scope")
            && message.contains("the method was found for\n- `Stack<f64>`\n- `Stack<i64>`"),
        "{message}"
    );
    let message = panic_message(|| duck_area(2_i64));
    assert!(
        message
            .contains("no method named `area` found for struct `Twice<i64>` in the current scope")
            && message.contains("`Shape` defines an item `area`, perhaps you need to implement it"),
        "{message}"
    );
    let message = panic_message(|| duck_total(2_i64));
    assert!(
        message.contains("the trait bound `Twice<i64>: Shape` is not satisfied"),
        "{message}"
    );
    assert_no_leaks();
}
