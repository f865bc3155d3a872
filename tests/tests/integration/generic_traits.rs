//! `#[jit] trait` impls of generic classes (issue 17): `impl<T: ..> Shape for Stack<T>` and
//! a bounded impl over another trait (`impl<S: Shape> Shape for Twice<S>`), called from
//! Rust, from jit code by method, by path and through a generic fn's bound, and through
//! trait objects of instantiations, compared with rustc's build of the same program.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
}

#[jitclass]
pub struct Strip<T> {
    items: Vec<T>,
    width: f64,
}

#[jitclass]
impl<T: Copy> Strip<T> {
    pub fn new(width: f64) -> Self {
        Strip {
            items: Vec::new(),
            width,
        }
    }
    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

#[jitclass]
impl<T: Copy> Shape for Strip<T> {
    fn area(&self) -> f64 {
        self.width * self.items.len() as f64
    }
}

#[jitclass]
pub struct Twice<S> {
    inner: S,
}

#[jitclass]
impl<S: Shape> Twice<S> {
    pub fn new(inner: S) -> Self {
        Twice { inner }
    }
}

#[jitclass]
impl<S: Shape> Shape for Twice<S> {
    fn area(&self) -> f64 {
        self.inner.area() * 2.0
    }
    fn scaled(&self, k: f64) -> f64 {
        self.inner.scaled(k) + 1.0
    }
}

#[jit]
fn strip_area(w: f64, n: i64) -> f64 {
    let mut s: Strip<f64> = Strip::new(w);
    for i in 0..n {
        s.push(i as f64);
    }
    s.area()
        + s.scaled(2.0)
        + <Strip<f64> as Shape>::area(&s)
        + <Strip<f64> as Shape>::scaled(&s, 3.0)
}

#[jit]
fn total<S: Shape>(s: S, k: f64) -> f64 {
    s.area() + s.scaled(k) + S::area(&s) + Shape::scaled(&s, 0.5)
}

#[jit]
fn nested_total(r: f64, w: f64) -> f64 {
    let t = Twice::new(Circle::new(r));
    let tt = Twice::new(Twice::new(Circle::new(r)));
    let mut s: Strip<i64> = Strip::new(w);
    s.push(1);
    s.push(2);
    let ts = Twice::new(s);
    total(t, 2.0) + total(tt, 0.5) + total(ts, 1.0) + Twice::new(Circle::new(r)).area()
}

#[jit]
fn dyn_total(r: f64, w: f64) -> f64 {
    let mut s: Strip<f64> = Strip::new(w);
    s.push(1.0);
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(s),
        Box::new(Circle::new(r)),
        Box::new(Twice::new(Circle::new(r))),
        Box::new(Twice::new(Twice::new(Circle::new(r)))),
    ];
    let mut sum = 0.0;
    for x in &shapes {
        sum += x.area() + x.scaled(2.0);
    }
    let c = Twice::new(Circle::new(r));
    let borrowed: &dyn Shape = &c;
    sum + borrowed.scaled(10.0)
}

/// A class with no impl of `Shape`, so `Twice<Plain>` has none either.
#[jitclass]
pub struct Plain {
    x: f64,
}

#[jitclass]
impl Plain {
    pub fn new(x: f64) -> Plain {
        Plain { x }
    }
}

/// Duck-typed over `T`: rustc would refuse `total(Twice { inner: t })` unless `T: Shape`;
/// a generic body is checked at its first call, per instantiation.
#[jit]
fn total_of_twice<T>(t: T) -> f64 {
    total(Twice { inner: t }, 1.0)
}

/// As above, calling the trait method itself (rustc's E0599 for `Twice<Plain>`).
#[jit]
fn area_of_twice<T>(t: T) -> f64 {
    let w = Twice { inner: t };
    w.area()
}

/// As above, through a trait object (rustc's E0277 at the coercion).
#[jit]
fn boxed_twice<T>(t: T) -> f64 {
    let b: Box<dyn Shape> = Box::new(Twice { inner: t });
    b.area()
}

/// The same program compiled by rustc.
mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
    }

    pub struct Circle {
        r: f64,
    }

    impl Circle {
        pub fn new(r: f64) -> Circle {
            Circle { r }
        }
    }

    impl Shape for Circle {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
    }

    pub struct Strip<T> {
        items: Vec<T>,
        width: f64,
    }

    impl<T: Copy> Strip<T> {
        pub fn new(width: f64) -> Self {
            Strip {
                items: Vec::new(),
                width,
            }
        }
        pub fn push(&mut self, x: T) {
            self.items.push(x);
        }
    }

    impl<T: Copy> Shape for Strip<T> {
        fn area(&self) -> f64 {
            self.width * self.items.len() as f64
        }
    }

    pub struct Twice<S> {
        inner: S,
    }

    impl<S: Shape> Twice<S> {
        pub fn new(inner: S) -> Self {
            Twice { inner }
        }
    }

    impl<S: Shape> Shape for Twice<S> {
        fn area(&self) -> f64 {
            self.inner.area() * 2.0
        }
        fn scaled(&self, k: f64) -> f64 {
            self.inner.scaled(k) + 1.0
        }
    }

    pub fn strip_area(w: f64, n: i64) -> f64 {
        let mut s: Strip<f64> = Strip::new(w);
        for i in 0..n {
            s.push(i as f64);
        }
        s.area()
            + s.scaled(2.0)
            + <Strip<f64> as Shape>::area(&s)
            + <Strip<f64> as Shape>::scaled(&s, 3.0)
    }

    pub fn total<S: Shape>(s: S, k: f64) -> f64 {
        s.area() + s.scaled(k) + S::area(&s) + Shape::scaled(&s, 0.5)
    }

    pub fn nested_total(r: f64, w: f64) -> f64 {
        let t = Twice::new(Circle::new(r));
        let tt = Twice::new(Twice::new(Circle::new(r)));
        let mut s: Strip<i64> = Strip::new(w);
        s.push(1);
        s.push(2);
        let ts = Twice::new(s);
        total(t, 2.0) + total(tt, 0.5) + total(ts, 1.0) + Twice::new(Circle::new(r)).area()
    }

    pub fn dyn_total(r: f64, w: f64) -> f64 {
        let mut s: Strip<f64> = Strip::new(w);
        s.push(1.0);
        let shapes: Vec<Box<dyn Shape>> = vec![
            Box::new(s),
            Box::new(Circle::new(r)),
            Box::new(Twice::new(Circle::new(r))),
            Box::new(Twice::new(Twice::new(Circle::new(r)))),
        ];
        let mut sum = 0.0;
        for x in &shapes {
            sum += x.area() + x.scaled(2.0);
        }
        let c = Twice::new(Circle::new(r));
        let borrowed: &dyn Shape = &c;
        sum + borrowed.scaled(10.0)
    }
}

#[test]
fn rust_calls_the_generic_impl() {
    let _memory = memory_test();
    {
        let mut s = Strip::<i64>::new(1.5);
        let mut rs = rust::Strip::<i64>::new(1.5);
        for x in [1, 2] {
            s.push(x);
            rs.push(x);
        }
        assert_eq!(s.area(), rust::Shape::area(&rs));
        assert_eq!(s.scaled(2.0), rust::Shape::scaled(&rs, 2.0));
        let t = Twice::new(Twice::new(Circle::new(2.0)));
        let rt = rust::Twice::new(rust::Twice::new(rust::Circle::new(2.0)));
        assert_eq!(t.area(), rust::Shape::area(&rt));
        assert_eq!(t.scaled(3.0), rust::Shape::scaled(&rt, 3.0));
        // Rust's own trait objects of instantiations' handles.
        let shapes: Vec<Box<dyn Shape>> = vec![Box::new(s), Box::new(t)];
        let sum: f64 = shapes.iter().map(|x| x.scaled(2.0)).sum();
        let rust_shapes: Vec<Box<dyn rust::Shape>> = vec![Box::new(rs), Box::new(rt)];
        assert_eq!(sum, rust_shapes.iter().map(|x| x.scaled(2.0)).sum::<f64>());
        // A generic jit fn over the trait, called from Rust with instantiations.
        assert_eq!(
            total(Twice::new(Circle::new(1.0)), 4.0),
            rust::total(rust::Twice::new(rust::Circle::new(1.0)), 4.0)
        );
    }
    assert_no_leaks();
}

#[test]
fn jit_code_calls_the_generic_impl_statically() {
    let _memory = memory_test();
    for (w, n) in [(2.0, 3), (0.5, 0), (-1.25, 7)] {
        assert_eq!(strip_area(w, n), rust::strip_area(w, n));
    }
    for (r, w) in [(1.0, 2.0), (0.5, -3.0)] {
        assert_eq!(nested_total(r, w), rust::nested_total(r, w));
    }
    assert_no_leaks();
}

#[test]
fn trait_objects_of_instantiations() {
    let _memory = memory_test();
    for (r, w) in [(1.0, 2.0), (0.5, -3.0)] {
        assert_eq!(dyn_total(r, w), rust::dyn_total(r, w));
    }
    assert_no_leaks();
}

/// `Twice<S>: Shape` iff `S: Shape`: an instantiation whose argument fails the impl's bound
/// has neither the trait (E0277 where it is required) nor its methods (E0599), told at the
/// first call of a generic body in rustc's words; one that satisfies it runs.
#[test]
fn an_instantiation_outside_the_impls_bounds_is_refused() {
    let _memory = memory_test();
    {
        assert_eq!(
            total_of_twice(Circle::new(1.0)),
            rust::total(rust::Twice::new(rust::Circle::new(1.0)), 1.0)
        );
        assert_eq!(area_of_twice(Circle::new(2.0)), 24.0);
        assert_eq!(boxed_twice(Circle::new(2.0)), 24.0);
        let message = panic_message(|| total_of_twice(Plain::new(1.0)));
        assert!(
            message.contains("the trait bound `Twice<Plain>: Shape` is not satisfied"),
            "{message}"
        );
        let message = panic_message(|| area_of_twice(Plain::new(1.0)));
        assert!(
            message.contains(
                "the method `area` exists for struct `Twice<Plain>`, but its trait bounds were not satisfied"
            ) && message.contains("`Plain: Shape`, which is required by `Twice<Plain>: Shape`"),
            "{message}"
        );
        let message = panic_message(|| boxed_twice(Plain::new(1.0)));
        assert!(
            message.contains("the trait bound `Twice<Plain>: Shape` is not satisfied"),
            "{message}"
        );
        let message = panic_message(|| total_of_twice(7_i64));
        assert!(message.contains("is not satisfied"), "{message}");
    }
    assert_no_leaks();
}
