//! Static functions called on type parameters: `S::unit()`, `<S as Shape>::unit()` of a
//! `#[jit] trait` bounding `S` (statically dispatched per instantiation, also in a
//! generic class's impl and from a default method), compared with rustc's build of the
//! same program.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn unit() -> Self;
    fn sides() -> i64;
    fn described(&self) -> f64 {
        self.area() + Self::sides() as f64
    }
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn unit() -> Self {
        Circle { r: 1.0 }
    }
    fn sides() -> i64 {
        0
    }
}

#[jitclass]
pub struct Square {
    a: f64,
}

#[jitclass]
impl Shape for Square {
    fn area(&self) -> f64 {
        self.a * self.a
    }
    fn unit() -> Self {
        Square { a: 2.0 }
    }
    fn sides() -> i64 {
        4
    }
}

#[jit]
fn unit_plus<S: Shape>(s: &S) -> f64 {
    S::unit().area() + s.area() + S::sides() as f64
}

#[jit]
fn qualified_unit<S>(s: S) -> f64
where
    S: Shape,
{
    let u = <S as Shape>::unit();
    u.area() * 10.0 + s.described() + <S as Shape>::sides() as f64
}

/// `S` is known only from the turbofish of the Rust caller.
#[jit]
fn sides_of<S: Shape>() -> i64 {
    S::sides() * 100
}

#[jit]
fn both(r: f64, a: f64) -> f64 {
    let c = Circle { r };
    let s = Square { a };
    unit_plus(&c) + unit_plus(&s) + qualified_unit(c) + qualified_unit(s)
}

#[jitclass]
pub struct Pack<S> {
    items: Vec<S>,
}

#[jitclass]
impl<S: Shape> Pack<S> {
    pub fn of_units(n: i64) -> Self {
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(S::unit());
        }
        Pack { items }
    }
    pub fn total(&self) -> f64 {
        let mut t = 0.0;
        for s in self.items.iter() {
            t += s.area();
        }
        t + S::sides() as f64
    }
}

#[jit]
fn packs(n: i64) -> f64 {
    let c: Pack<Circle> = Pack::of_units(n);
    let s: Pack<Square> = Pack::of_units(n + 1);
    c.total() + s.total()
}

/// The same program compiled by rustc.
mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn unit() -> Self;
        fn sides() -> i64;
        fn described(&self) -> f64 {
            self.area() + Self::sides() as f64
        }
    }

    pub struct Circle {
        pub r: f64,
    }

    impl Shape for Circle {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn unit() -> Self {
            Circle { r: 1.0 }
        }
        fn sides() -> i64 {
            0
        }
    }

    pub struct Square {
        pub a: f64,
    }

    impl Shape for Square {
        fn area(&self) -> f64 {
            self.a * self.a
        }
        fn unit() -> Self {
            Square { a: 2.0 }
        }
        fn sides() -> i64 {
            4
        }
    }

    pub fn unit_plus<S: Shape>(s: &S) -> f64 {
        S::unit().area() + s.area() + S::sides() as f64
    }

    pub fn qualified_unit<S>(s: S) -> f64
    where
        S: Shape,
    {
        let u = <S as Shape>::unit();
        u.area() * 10.0 + s.described() + <S as Shape>::sides() as f64
    }

    pub fn sides_of<S: Shape>() -> i64 {
        S::sides() * 100
    }

    pub fn both(r: f64, a: f64) -> f64 {
        let c = Circle { r };
        let s = Square { a };
        unit_plus(&c) + unit_plus(&s) + qualified_unit(c) + qualified_unit(s)
    }

    pub struct Pack<S> {
        items: Vec<S>,
    }

    impl<S: Shape> Pack<S> {
        pub fn of_units(n: i64) -> Self {
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(S::unit());
            }
            Pack { items }
        }
        pub fn total(&self) -> f64 {
            let mut t = 0.0;
            for s in self.items.iter() {
                t += s.area();
            }
            t + S::sides() as f64
        }
    }

    pub fn packs(n: i64) -> f64 {
        let c: Pack<Circle> = Pack::of_units(n);
        let s: Pack<Square> = Pack::of_units(n + 1);
        c.total() + s.total()
    }
}

#[test]
fn static_trait_functions_of_a_type_parameter() {
    let _memory = memory_test();
    for (r, a) in [(1.0, 2.0), (0.5, -3.0), (0.0, 0.0)] {
        assert_eq!(both(r, a), rust::both(r, a));
    }
    assert_eq!(
        unit_plus(&Circle::new_for_test(2.0)),
        rust::unit_plus(&rust::Circle { r: 2.0 })
    );
    assert_eq!(sides_of::<Circle>(), rust::sides_of::<rust::Circle>());
    assert_eq!(sides_of::<Square>(), rust::sides_of::<rust::Square>());
    assert_no_leaks();
}

#[test]
fn static_trait_functions_in_a_generic_class() {
    let _memory = memory_test();
    for n in [0, 1, 3] {
        assert_eq!(packs(n), rust::packs(n));
    }
    let p = Pack::<Square>::of_units(2);
    assert_eq!(p.total(), rust::Pack::<rust::Square>::of_units(2).total());
    drop(p);
    assert_no_leaks();
}

#[jitclass]
impl Circle {
    pub fn new_for_test(r: f64) -> Circle {
        Circle { r }
    }
}
