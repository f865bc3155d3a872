//! `Trait::f(&c)` where the trait bounds no type parameter of the function (valid Rust:
//! the trait's function for the class of the receiver), beside `<C as Trait>::f(&c)` and
//! `C::f(&c)`, in jit fns and methods, compared with rustc's build of the same code
//! (`rust`), the memory runtime balanced.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

pub mod shapes {
    use jitclass::jit;

    #[jit]
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
        fn grow(&mut self);
    }
}

use shapes::Shape;

#[jit]
pub trait Label {
    fn area(&self) -> f64 {
        100.0
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
    /// An inherent `area`: `Circle::area(&c)` and `c.area()` mean it, `Shape::area(&c)`
    /// the trait's.
    pub fn area(&self) -> f64 {
        -self.r
    }
    pub fn by_path(&self) -> f64 {
        Shape::area(self) + Shape::scaled(self, 10.0) + Label::area(self)
    }
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn grow(&mut self) {
        self.r += 1.0;
    }
}

#[jitclass]
impl Label for Circle {}

#[jitclass]
pub struct Square {
    side: f64,
}

#[jitclass]
impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn scaled(&self, k: f64) -> f64 {
        self.side * k
    }
    fn grow(&mut self) {
        self.side *= 2.0;
    }
}

#[jit]
fn trait_paths(r: f64) -> f64 {
    let mut c = Circle { r };
    let s = Square { side: r };
    let a = Shape::area(&c) + <Circle as Shape>::area(&c) + Circle::area(&c) + c.area();
    let b = Shape::scaled(&c, 2.0) + Shape::scaled(&s, 2.0) + shapes::Shape::area(&s);
    Shape::grow(&mut c);
    a * 1000.0 + b * 10.0 + Shape::area(&c) + Label::area(&c) + c.by_path()
}

/// A generic fn whose parameter is bounded by another trait: `Shape::area` is still
/// the trait's, of the argument's class.
#[jit]
fn labelled_area<L: Label>(l: &L, c: &Circle) -> f64 {
    l.area() + Shape::area(c)
}

#[jit]
fn generic_caller(r: f64) -> f64 {
    let c = Circle { r };
    labelled_area(&c, &c)
}

mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
        fn grow(&mut self);
    }
    pub trait Label {
        fn area(&self) -> f64 {
            100.0
        }
    }
    pub struct Circle {
        pub r: f64,
    }
    impl Circle {
        pub fn area(&self) -> f64 {
            -self.r
        }
        pub fn by_path(&self) -> f64 {
            Shape::area(self) + Shape::scaled(self, 10.0) + Label::area(self)
        }
    }
    impl Shape for Circle {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn grow(&mut self) {
            self.r += 1.0;
        }
    }
    impl Label for Circle {}
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
        fn grow(&mut self) {
            self.side *= 2.0;
        }
    }
    pub fn trait_paths(r: f64) -> f64 {
        let mut c = Circle { r };
        let s = Square { side: r };
        let a = Shape::area(&c) + <Circle as Shape>::area(&c) + Circle::area(&c) + c.area();
        let b = Shape::scaled(&c, 2.0) + Shape::scaled(&s, 2.0) + Shape::area(&s);
        Shape::grow(&mut c);
        a * 1000.0 + b * 10.0 + Shape::area(&c) + Label::area(&c) + c.by_path()
    }
    pub fn labelled_area<L: Label>(l: &L, c: &Circle) -> f64 {
        l.area() + Shape::area(c)
    }
    pub fn generic_caller(r: f64) -> f64 {
        let c = Circle { r };
        labelled_area(&c, &c)
    }
}

/// `Shape::area(&c)` (a required method), `Shape::scaled(&c, 2.0)` (a default one and
/// an override), `Shape::grow(&mut c)`, `shapes::Shape::area(&s)`, in a fn and a method,
/// beside the class's inherent `area`: rustc's results (jit code refused the form with
/// rustc's E0782, "expected a type, found a trait").
#[test]
fn a_trait_named_by_path_calls_its_function_for_the_receiver() {
    let _m = memory_test();
    for r in [1.0, 2.5] {
        assert_eq!(trait_paths(r), rust::trait_paths(r));
        assert_eq!(generic_caller(r), rust::generic_caller(r));
    }
    let c = Circle::new(2.0);
    let plain = rust::Circle { r: 2.0 };
    assert_eq!(c.by_path(), plain.by_path());
    drop(c);
    assert_no_leaks();
}
