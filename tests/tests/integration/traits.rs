//! `#[jit] trait`s (issue 17): a trait implemented for classes with `#[jitclass] impl
//! Trait for C`, its required, default and static methods called from Rust and from jit
//! code (static dispatch), compared with rustc's build of the same code (`rust`), the
//! memory runtime balanced.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
    fn name_len(&self) -> i64 {
        4
    }
    fn unit() -> Self;
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
    fn unit() -> Self {
        Circle { r: 1.0 }
    }
}

#[jitclass]
pub struct Square {
    side: f64,
}

#[jitclass]
impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    // Overrides the default.
    fn scaled(&self, k: f64) -> f64 {
        self.side * k
    }
    fn name_len(&self) -> i64 {
        6
    }
    fn unit() -> Self {
        Square { side: 1.0 }
    }
}

#[jit]
fn circle_sum(r: f64, k: f64) -> f64 {
    let c = Circle::new(r);
    let u = <Circle as Shape>::unit();
    c.area() + c.scaled(k) + u.area() + c.name_len() as f64
}

#[jit]
fn square_sum(s: f64, k: f64) -> f64 {
    let q = Square { side: s };
    let u = <Square as Shape>::unit();
    q.area() + q.scaled(k) + u.area() + q.name_len() as f64
}

#[jit]
fn total<S: Shape>(xs: &[S]) -> f64 {
    let mut t = 0.0;
    for x in xs {
        t += x.scaled(2.0);
    }
    t
}

#[jit]
fn total_where<S>(xs: &[S]) -> f64
where
    S: Shape,
{
    let mut t = 0.0;
    for x in xs {
        t += x.area();
    }
    t
}

/// The same program, as rustc builds it.
mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
        fn name_len(&self) -> i64 {
            4
        }
        fn unit() -> Self;
    }

    pub struct Circle {
        pub r: f64,
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
        fn unit() -> Self {
            Circle { r: 1.0 }
        }
    }

    pub struct Square {
        pub side: f64,
    }

    impl Shape for Square {
        fn area(&self) -> f64 {
            self.side * self.side
        }
        fn scaled(&self, k: f64) -> f64 {
            self.side * k
        }
        fn name_len(&self) -> i64 {
            6
        }
        fn unit() -> Self {
            Square { side: 1.0 }
        }
    }

    pub fn circle_sum(r: f64, k: f64) -> f64 {
        let c = Circle::new(r);
        let u = <Circle as Shape>::unit();
        c.area() + c.scaled(k) + u.area() + c.name_len() as f64
    }

    pub fn square_sum(s: f64, k: f64) -> f64 {
        let q = Square { side: s };
        let u = <Square as Shape>::unit();
        q.area() + q.scaled(k) + u.area() + q.name_len() as f64
    }

    pub fn total<S: Shape>(xs: &[S]) -> f64 {
        let mut t = 0.0;
        for x in xs {
            t += x.scaled(2.0);
        }
        t
    }

    pub fn total_where<S>(xs: &[S]) -> f64
    where
        S: Shape,
    {
        let mut t = 0.0;
        for x in xs {
            t += x.area();
        }
        t
    }
}

fn square(side: f64) -> Square {
    let q = Square::unit();
    q.set_side(side);
    q
}

#[test]
fn rust_calls_required_default_and_static_methods() {
    let _memory = memory_test();
    {
        let c = Circle::new(2.0);
        let rc = rust::Circle::new(2.0);
        assert_eq!(c.area(), rust::Shape::area(&rc));
        // The default method, run as jit code for the class.
        assert_eq!(c.scaled(2.5), rust::Shape::scaled(&rc, 2.5));
        assert_eq!(c.name_len(), rust::Shape::name_len(&rc));
        assert_eq!(Shape::area(&c), 12.0);
        let u = <Circle as Shape>::unit();
        assert_eq!(u.r(), 1.0);
        let q = Square::unit();
        q.set_side(3.0);
        let rq = rust::Square { side: 3.0 };
        assert_eq!(q.scaled(2.0), rust::Shape::scaled(&rq, 2.0));
        assert_eq!(q.name_len(), rust::Shape::name_len(&rq));
    }
    assert_no_leaks();
}

#[test]
fn jit_code_calls_trait_methods_statically() {
    let _memory = memory_test();
    for (x, k) in [(1.0, 2.0), (0.5, -3.0), (7.25, 0.0)] {
        assert_eq!(circle_sum(x, k), rust::circle_sum(x, k));
        assert_eq!(square_sum(x, k), rust::square_sum(x, k));
    }
    assert_no_leaks();
}

#[test]
fn generic_fns_bounded_by_a_trait() {
    let _memory = memory_test();
    {
        let cs = [Circle::new(1.0), Circle::new(2.0)];
        let qs = [square(1.5), Square::unit()];
        let rcs = [rust::Circle::new(1.0), rust::Circle::new(2.0)];
        let rqs = [rust::Square { side: 1.5 }, rust::Square { side: 1.0 }];
        assert_eq!(total(&cs), rust::total(&rcs));
        assert_eq!(total(&qs), rust::total(&rqs));
        assert_eq!(total_where(&cs), rust::total_where(&rcs));
        assert_eq!(total_where(&qs), rust::total_where(&rqs));
    }
    assert_no_leaks();
}
