//! Trait objects of `#[jit] trait`s on the Rust side (issue 17): a class handle implements
//! the trait as a Rust type, so Rust's own `Box<dyn Shape>` / `&dyn Shape` of handles
//! dispatch through rustc's vtable into the jit code of each class (default methods
//! included), compared with rustc's build of the same program (`rust`), the memory runtime
//! balanced also after a panic inside a method called through the trait object. (Trait
//! objects in jit code are not supported yet: `tests/ui/traits/dyn_*.rs`.)

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

/// Dyn compatible: the static function is kept out of the vtable by `where Self: Sized`.
#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
    fn unit() -> Self
    where
        Self: Sized;
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        assert!(self.r >= 0.0, "negative radius {}", self.r);
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
    fn scaled(&self, k: f64) -> f64 {
        self.side * k
    }
    fn unit() -> Self {
        Square { side: 1.0 }
    }
}

/// Jit code still calls the `where Self: Sized` function statically.
#[jit]
fn units_area() -> f64 {
    let c = Circle::unit();
    let s = <Square as Shape>::unit();
    c.area() + s.scaled(2.0)
}

/// The same program, as rustc builds it.
mod rust {
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
        fn unit() -> Self
        where
            Self: Sized;
    }

    pub struct Circle {
        pub r: f64,
    }

    impl Shape for Circle {
        fn area(&self) -> f64 {
            assert!(self.r >= 0.0, "negative radius {}", self.r);
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
        fn unit() -> Self {
            Square { side: 1.0 }
        }
    }

    pub fn units_area() -> f64 {
        let c = Circle::unit();
        let s = <Square as Shape>::unit();
        c.area() + s.scaled(2.0)
    }

    pub fn shapes(sizes: &[f64]) -> Vec<Box<dyn Shape>> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, &x)| -> Box<dyn Shape> {
                if i % 2 == 0 {
                    Box::new(Circle { r: x })
                } else {
                    Box::new(Square { side: x })
                }
            })
            .collect()
    }
}

/// The jit program's shapes, boxed by Rust as `rust::shapes` boxes its own.
fn shapes(sizes: &[f64]) -> Vec<Box<dyn Shape>> {
    sizes
        .iter()
        .enumerate()
        .map(|(i, &x)| -> Box<dyn Shape> {
            if i % 2 == 0 {
                let c = Circle::unit();
                c.set_r(x);
                Box::new(c)
            } else {
                let s = Square::unit();
                s.set_side(x);
                Box::new(s)
            }
        })
        .collect()
}

/// Sums through `&dyn Shape`, as Rust code over either program's shapes.
fn total(xs: &[&dyn Shape], k: f64) -> f64 {
    xs.iter().map(|s| s.area() + s.scaled(k)).sum()
}

fn total_rust(xs: &[&dyn rust::Shape], k: f64) -> f64 {
    xs.iter().map(|s| s.area() + s.scaled(k)).sum()
}

#[test]
fn rust_trait_objects_of_handles_dispatch_into_jit_code() {
    let _memory = memory_test();
    {
        let sizes = [1.0, 2.5, 0.5, 3.0, 4.25];
        let jit_shapes = shapes(&sizes);
        let rust_shapes = rust::shapes(&sizes);
        for (s, r) in jit_shapes.iter().zip(&rust_shapes) {
            assert_eq!(s.area(), r.area());
            assert_eq!(s.scaled(-1.5), r.scaled(-1.5));
        }
        let borrowed: Vec<&dyn Shape> = jit_shapes.iter().map(|b| &**b).collect();
        let rust_borrowed: Vec<&dyn rust::Shape> = rust_shapes.iter().map(|b| &**b).collect();
        assert_eq!(total(&borrowed, 2.0), total_rust(&rust_borrowed, 2.0));
        assert_eq!(units_area(), rust::units_area());
    }
    assert_no_leaks();
}

#[test]
fn a_panic_through_a_trait_object_is_rusts_and_releases() {
    let _memory = memory_test();
    {
        let jit_shapes = shapes(&[2.0, 1.0, -1.0]);
        let rust_shapes = rust::shapes(&[2.0, 1.0, -1.0]);
        let jit = panic_message(|| jit_shapes.iter().map(|s| s.scaled(2.0)).sum::<f64>());
        let rust = panic_message(|| rust_shapes.iter().map(|s| s.scaled(2.0)).sum::<f64>());
        // Rust's message, then where in the jit code it panicked.
        assert_eq!(rust, "negative radius -1");
        assert!(
            jit.starts_with(&format!("{rust}\n  --> ")),
            "{jit:?} / {rust:?}"
        );
        // The boxes still own their instances after the panic; dropping them releases all.
        assert_eq!(jit_shapes[0].area(), rust_shapes[0].area());
    }
    assert_no_leaks();
}
