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

/// Plain Rust, generic over the trait: the handles implement it as Rust types.
fn rust_generic_total<S: Shape>(xs: &[S]) -> f64 {
    xs.iter().map(|x| x.scaled(3.0)).sum()
}

#[test]
fn rust_generics_over_the_trait() {
    let _memory = memory_test();
    {
        let cs = [Circle::new(1.0), Circle::new(0.25)];
        let rcs = [rust::Circle::new(1.0), rust::Circle::new(0.25)];
        let expected: f64 = rcs.iter().map(|x| rust::Shape::scaled(x, 3.0)).sum();
        assert_eq!(rust_generic_total(&cs), expected);
    }
    assert_no_leaks();
}

/// A trait in one module, implemented in another that imports it by name, with a
/// `&mut self` method and a default method calling another default method.
mod counters {
    use jitclass::jit;

    #[jit]
    pub trait Counter {
        fn bump(&mut self, by: i64);
        fn get(&self) -> i64;
        fn bump_twice(&mut self, by: i64) {
            self.bump(by);
            self.bump(by);
        }
        fn bump_four(&mut self, by: i64) {
            self.bump_twice(by);
            self.bump_twice(by);
        }
    }
}

mod tally {
    use super::counters::Counter;
    use jitclass::{jit, jitclass};

    #[jitclass]
    pub struct Tally {
        n: i64,
    }

    #[jitclass]
    impl Tally {
        pub fn new() -> Tally {
            Tally { n: 0 }
        }
    }

    #[jitclass]
    impl Counter for Tally {
        fn bump(&mut self, by: i64) {
            self.n += by;
        }
        fn get(&self) -> i64 {
            self.n
        }
    }

    #[jit]
    pub fn count(k: i64) -> i64 {
        let mut t = Tally::new();
        t.bump_four(k);
        t.bump(1);
        t.get()
    }
}

#[test]
fn traits_across_modules_and_mut_receivers() {
    use counters::Counter;
    let _memory = memory_test();
    {
        assert_eq!(tally::count(3), 13);
        let mut t = tally::Tally::new();
        t.bump_four(2);
        t.bump_twice(-1);
        assert_eq!(t.get(), 6);
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Degenerate {
    k: i64,
}

#[jitclass]
impl Shape for Degenerate {
    fn area(&self) -> f64 {
        if self.k < 0 {
            panic!("negative size {}", self.k);
        }
        self.k as f64
    }
    fn unit() -> Self {
        Degenerate { k: -1 }
    }
}

#[test]
fn a_panic_in_a_trait_method_is_the_callers() {
    let _memory = memory_test();
    {
        let d = Degenerate::unit();
        // Through the default method, run as jit code, from Rust.
        let message = crate::panic_message(|| d.scaled(2.0));
        assert!(message.starts_with("negative size -1\n"), "{message}");
        assert!(
            message.contains("(in jit fn `<Degenerate as Shape>::area`)"),
            "{message}"
        );
        d.set_k(2);
        assert_eq!(d.scaled(2.0), 4.0);
    }
    assert_no_leaks();
}
