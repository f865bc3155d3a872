//! Review probes of `Trait::f(&x)` outside a bound (trait paths resolved as class or
//! trait): generic classes, trait objects, generic bodies, static trait fns, a method
//! name in two traits, a class and a trait of the same name in different modules, `self`
//! passed to capitalised paths, compared with rustc's build of the same code (`rust`).

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self);
    fn twice(&self) -> f64 {
        crate::review_traitsvalid::Shape::area(self) * 2.0
    }
    fn unit() -> Self
    where
        Self: Sized;
}

#[jit]
pub trait Named {
    fn area(&self) -> f64 {
        7.0
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
    pub fn both(&mut self) -> f64 {
        // `&mut self` passed where the trait takes `&self` (rustc reborrows).
        Shape::grow(self);
        Shape::area(self) + Named::area(self) + Shape::twice(self)
    }
    pub fn via_other(&self) -> f64 {
        Helper::of(self) + Helper::sum(self, self)
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
    fn unit() -> Self {
        Circle { r: 1.0 }
    }
}

#[jitclass]
impl Named for Circle {}

/// Another class whose associated fns take the first class by reference.
#[jitclass]
pub struct Helper {
    k: f64,
}

#[jitclass]
impl Helper {
    pub fn of(c: &Circle) -> f64 {
        c.r * 10.0
    }
    pub fn sum(a: &Circle, b: &Circle) -> f64 {
        a.r + b.r
    }
}

#[jitclass]
pub struct Pair<T> {
    a: T,
    b: T,
}

#[jitclass]
impl<T: Copy> Shape for Pair<T> {
    fn area(&self) -> f64 {
        2.0
    }
    fn grow(&mut self) {
        self.b = self.a;
    }
    fn unit() -> Self {
        panic!("no unit pair")
    }
}

#[jit]
fn generic_class_path(x: f64) -> f64 {
    let mut p = Pair { a: x, b: 1.0 };
    Shape::grow(&mut p);
    Shape::area(&p) + p.b + Shape::twice(&p)
}

#[jit]
fn dyn_paths(r: f64) -> f64 {
    let b: Box<dyn Shape> = Box::new(Circle { r });
    let d: &dyn Shape = &Circle { r: r + 1.0 };
    Shape::area(&*b) + Shape::area(b.as_ref()) + Shape::area(d) + Shape::twice(d)
}

#[jit]
fn bounded<S: Shape>(s: &S, c: &Circle) -> f64 {
    Shape::area(s) + Shape::area(c) + Named::area(c)
}

#[jit]
fn unbounded<T>(_t: &T, c: &Circle) -> f64 {
    Shape::area(c) + Named::area(c)
}

#[jit]
fn generic_bodies(r: f64) -> f64 {
    let c = Circle { r };
    let p = Pair { a: 1i64, b: 2i64 };
    bounded(&p, &c) + bounded(&c, &c) + unbounded(&p, &c)
}

#[jit]
fn static_trait_fn() -> f64 {
    let c: Circle = Shape::unit();
    let d = <Circle as Shape>::unit();
    Shape::area(&c) + Shape::area(&d)
}

#[jit]
fn loops_and_exits(n: i64) -> f64 {
    let mut c = Circle { r: 0.0 };
    let mut total = 0.0;
    for i in 0..n {
        for _ in 0..i {
            Shape::grow(&mut c);
            if Shape::area(&c) > 1000.0 {
                return total;
            }
        }
        total += Named::area(&c) + Shape::area(&c);
    }
    total
}

#[jit]
fn capitalised_self(r: f64) -> f64 {
    let mut c = Circle { r };
    c.both() + c.via_other()
}

mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn grow(&mut self);
        fn twice(&self) -> f64 {
            Shape::area(self) * 2.0
        }
        fn unit() -> Self
        where
            Self: Sized;
    }
    pub trait Named {
        fn area(&self) -> f64 {
            7.0
        }
    }
    pub struct Circle {
        pub r: f64,
    }
    impl Circle {
        pub fn both(&mut self) -> f64 {
            Shape::grow(self);
            Shape::area(self) + Named::area(self) + Shape::twice(self)
        }
        pub fn via_other(&self) -> f64 {
            Helper::of(self) + Helper::sum(self, self)
        }
    }
    impl Shape for Circle {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn grow(&mut self) {
            self.r += 1.0;
        }
        fn unit() -> Self {
            Circle { r: 1.0 }
        }
    }
    impl Named for Circle {}
    pub struct Helper;
    impl Helper {
        pub fn of(c: &Circle) -> f64 {
            c.r * 10.0
        }
        pub fn sum(a: &Circle, b: &Circle) -> f64 {
            a.r + b.r
        }
    }
    pub struct Pair<T> {
        pub a: T,
        pub b: T,
    }
    impl<T: Copy> Shape for Pair<T> {
        fn area(&self) -> f64 {
            2.0
        }
        fn grow(&mut self) {
            self.b = self.a;
        }
        fn unit() -> Self {
            panic!("no unit pair")
        }
    }
    pub fn generic_class_path(x: f64) -> f64 {
        let mut p = Pair { a: x, b: 1.0 };
        Shape::grow(&mut p);
        Shape::area(&p) + p.b + Shape::twice(&p)
    }
    pub fn dyn_paths(r: f64) -> f64 {
        let b: Box<dyn Shape> = Box::new(Circle { r });
        let d: &dyn Shape = &Circle { r: r + 1.0 };
        Shape::area(&*b) + Shape::area(b.as_ref()) + Shape::area(d) + Shape::twice(d)
    }
    pub fn bounded<S: Shape>(s: &S, c: &Circle) -> f64 {
        Shape::area(s) + Shape::area(c) + Named::area(c)
    }
    pub fn unbounded<T>(_t: &T, c: &Circle) -> f64 {
        Shape::area(c) + Named::area(c)
    }
    pub fn generic_bodies(r: f64) -> f64 {
        let c = Circle { r };
        let p = Pair { a: 1i64, b: 2i64 };
        bounded(&p, &c) + bounded(&c, &c) + unbounded(&p, &c)
    }
    pub fn static_trait_fn() -> f64 {
        let c: Circle = Shape::unit();
        let d = <Circle as Shape>::unit();
        Shape::area(&c) + Shape::area(&d)
    }
    pub fn loops_and_exits(n: i64) -> f64 {
        let mut c = Circle { r: 0.0 };
        let mut total = 0.0;
        for i in 0..n {
            for _ in 0..i {
                Shape::grow(&mut c);
                if Shape::area(&c) > 1000.0 {
                    return total;
                }
            }
            total += Named::area(&c) + Shape::area(&c);
        }
        total
    }
    pub fn capitalised_self(r: f64) -> f64 {
        let mut c = Circle { r };
        c.both() + c.via_other()
    }
}

#[test]
fn review_trait_path_on_a_generic_class() {
    let _m = memory_test();
    assert_eq!(generic_class_path(3.0), rust::generic_class_path(3.0));
    assert_no_leaks();
}

#[test]
fn review_trait_path_through_trait_objects() {
    let _m = memory_test();
    assert_eq!(dyn_paths(2.0), rust::dyn_paths(2.0));
    assert_no_leaks();
}

#[test]
fn review_trait_path_in_generic_bodies() {
    let _m = memory_test();
    assert_eq!(generic_bodies(2.0), rust::generic_bodies(2.0));
    assert_no_leaks();
}

#[test]
fn review_static_trait_fn_by_annotation() {
    let _m = memory_test();
    assert_eq!(static_trait_fn(), rust::static_trait_fn());
    assert_no_leaks();
}

#[test]
fn review_trait_path_in_nested_loops_with_early_exit() {
    let _m = memory_test();
    for n in [0, 3, 30] {
        assert_eq!(loops_and_exits(n), rust::loops_and_exits(n));
    }
    assert_no_leaks();
}

#[test]
fn review_self_to_capitalised_paths() {
    let _m = memory_test();
    assert_eq!(capitalised_self(1.5), rust::capitalised_self(1.5));
    let c = Circle::new(2.0);
    assert_eq!(c.via_other(), rust::Circle { r: 2.0 }.via_other());
    drop(c);
    assert_no_leaks();
}

/// A trait and a class of the same name in two modules, each reached by its path.
pub mod same_name {
    pub mod traits {
        use jitclass::jit;

        #[jit]
        pub trait Thing {
            fn v(&self) -> i64;
        }
    }

    pub mod classes {
        use jitclass::jitclass;

        #[jitclass]
        pub struct Thing {
            pub x: i64,
        }

        #[jitclass]
        impl Thing {
            pub fn v(&self) -> i64 {
                self.x
            }
        }
    }

    use jitclass::{jit, jitclass};

    #[jitclass]
    impl traits::Thing for classes::Thing {
        fn v(&self) -> i64 {
            self.x * 100
        }
    }

    use traits::Thing as Renamed;

    #[jit]
    pub fn both(x: i64) -> i64 {
        let t = classes::Thing { x };
        traits::Thing::v(&t) + classes::Thing::v(&t) * 10 + Renamed::v(&t) * 1000
    }
}

#[test]
fn review_trait_and_class_of_the_same_name() {
    let _m = memory_test();
    // rustc's build of the same program: 100x + 10x + 100_000x.
    assert_eq!(same_name::both(3), 300 + 30 + 300_000);
    assert_no_leaks();
}
