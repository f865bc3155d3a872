//! Trait objects of `#[jit] trait`s on the Rust side (issue 17): a class handle implements
//! the trait as a Rust type, so Rust's own `Box<dyn Shape>` / `&dyn Shape` of handles
//! dispatch through rustc's vtable into the jit code of each class (default methods
//! included), compared with rustc's build of the same program (`rust`), the memory runtime
//! balanced also after a panic inside a method called through the trait object. Then
//! trait objects inside jit code (`Box<dyn Shape>`, `&dyn Shape`, `&mut dyn Grow`, in
//! `Vec`s and `Option`s), each program written once and built twice by `twins!`: as
//! jit code over the classes, and by rustc over `rust`'s plain structs.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{ErrorKind, Supertype, jit, jitclass, type_of};

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

/// A trait with a `&mut self` method, called through `Box<dyn Grow>` and `&mut dyn Grow`.
#[jit]
pub trait Grow {
    fn grow(&mut self, k: f64);
    fn size(&self) -> f64;
    fn grown(&mut self, k: f64) -> f64 {
        self.grow(k);
        self.size()
    }
}

#[jitclass]
impl Grow for Circle {
    fn grow(&mut self, k: f64) {
        self.r *= k;
    }
    fn size(&self) -> f64 {
        self.r
    }
}

#[jitclass]
impl Grow for Square {
    fn grow(&mut self, k: f64) {
        self.side += k;
    }
    fn size(&self) -> f64 {
        self.side
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

    pub trait Grow {
        fn grow(&mut self, k: f64);
        fn size(&self) -> f64;
        fn grown(&mut self, k: f64) -> f64 {
            self.grow(k);
            self.size()
        }
    }

    impl Grow for Circle {
        fn grow(&mut self, k: f64) {
            self.r *= k;
        }
        fn size(&self) -> f64 {
            self.r
        }
    }

    impl Grow for Square {
        fn grow(&mut self, k: f64) {
            self.side += k;
        }
        fn size(&self) -> f64 {
            self.side
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

// ---- Trait objects in jit code ----------------------------------------------------------

/// Each fn twice from one body: a `#[jit]` fn over the classes, and the plain Rust fn
/// `twin::name` over `rust`'s structs.
macro_rules! twins {
    ($($(#[$doc:meta])* fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            $(#[$doc])*
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod twin {
            #![allow(clippy::vec_init_then_push, clippy::needless_range_loop)]
            use super::rust::{Circle, Grow, Shape, Square};
            $(
                $(#[$doc])*
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins! {
    /// A mixed `Vec<Box<dyn Shape>>` built in a loop, read by `for s in &shapes` and by
    /// index: required and default methods, overridden and not.
    fn mixed_total(sizes: &[f64], k: f64) -> f64 {
        let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
        for i in 0..sizes.len() {
            if i % 2 == 0 {
                shapes.push(Box::new(Circle { r: sizes[i] }));
            } else {
                shapes.push(Box::new(Square { side: sizes[i] }));
            }
        }
        let mut total = 0.0;
        for s in &shapes {
            total += s.area() + s.scaled(k);
        }
        for i in 0..shapes.len() {
            total += shapes[i].area() * (i as f64);
        }
        total
    }

    /// `vec![..]` of boxes under an annotated `let`, and a box in a local.
    fn literal_vec(x: f64) -> f64 {
        let shapes: Vec<Box<dyn Shape>> = vec![
            Box::new(Circle { r: x }),
            Box::new(Square { side: x + 1.0 }),
            Box::new(Circle { r: x * 2.0 }),
        ];
        let one: Box<dyn Shape> = Box::new(Square { side: 3.0 });
        shapes[0].area() + shapes[1].scaled(3.0) + shapes[2].area() + one.area()
    }

    /// `Option<Box<dyn Shape>>`: the largest shape kept, then taken apart.
    fn largest(sizes: &[f64]) -> f64 {
        let mut best: Option<Box<dyn Shape>> = None;
        let mut best_area = -1.0;
        for i in 0..sizes.len() {
            let s: Box<dyn Shape> = if i % 2 == 0 {
                Box::new(Circle { r: sizes[i] })
            } else {
                Box::new(Square { side: sizes[i] })
            };
            let a = s.area();
            if a > best_area {
                best_area = a;
                best = Some(s);
            }
        }
        match best {
            Some(s) => s.scaled(2.0) + best_area,
            None => 0.0,
        }
    }

    /// Nested loops over one `Vec` of boxes (each element lent to its loop variable),
    /// left by `break`.
    fn pairs(sizes: &[f64]) -> f64 {
        let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
        for i in 0..sizes.len() {
            shapes.push(Box::new(Circle { r: sizes[i] }));
        }
        let mut t = 0.0;
        for a in &shapes {
            for b in &shapes {
                if b.area() > 20.0 {
                    break;
                }
                t += a.area() * b.scaled(0.5);
            }
        }
        t
    }

    /// Locals lent as trait objects: a struct literal's and a parameter's copy, whose
    /// types the macro learns only from their initialisers.
    fn lent_locals(p: Square, x: f64) -> f64 {
        let c = Circle { r: x };
        let r: &dyn Shape = &c;
        let mut g = p;
        let m: &mut dyn Grow = &mut g;
        m.grow(x);
        let lent: &dyn Grow = m;
        let seen = lent.size();
        m.grow(1.0);
        r.area() + seen + m.size() + g.size() + c.area()
    }

    /// The Rust ways to lend the trait object a box holds: `&*b`, `&mut *b`,
    /// `b.as_ref()`, `b.as_mut()`, also of a `Vec`'s elements and `&**s` of a loop's;
    /// a `&mut dyn` reborrowed (`&mut *m`, `&*m`, and by coercion).
    fn lent_boxes(x: f64) -> f64 {
        let b: Box<dyn Shape> = Box::new(Circle { r: x });
        let r: &dyn Shape = &*b;
        let held = b.as_ref();
        let before = r.area() + held.scaled(3.0);
        let mut g: Box<dyn Grow> = Box::new(Square { side: x });
        let m: &mut dyn Grow = &mut *g;
        m.grow(2.0);
        let again: &mut dyn Grow = m;
        again.grow(0.5);
        m.grow(0.25);
        g.as_mut().grow(1.0);
        let mut items: Vec<Box<dyn Grow>> = Vec::new();
        items.push(Box::new(Circle { r: x }));
        items.push(g);
        let first: &mut dyn Grow = &mut *items[0];
        first.grow(3.0);
        items[1].as_mut().grow(1.0);
        let shapes: Vec<Box<dyn Shape>> = vec![b, Box::new(Square { side: 2.0 })];
        let second: &dyn Shape = &*shapes[1];
        let mut total = before + second.area() + shapes[0].as_ref().scaled(2.0);
        for i in &items {
            total += i.size();
        }
        for s in &shapes {
            let lent: &dyn Shape = &**s;
            total += lent.area();
        }
        let m2: &mut dyn Grow = &mut *items[0];
        let again: &mut dyn Grow = &mut *m2;
        again.grow(1.5);
        let shared: &dyn Grow = &*m2;
        total + shared.size()
    }

    /// Many boxes, replaced and dropped as the loop goes: nothing leaks.
    fn churn(n: i64) -> f64 {
        let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
        let mut total = 0.0;
        for i in 0..n {
            let x = (i % 7) as f64;
            shapes.push(Box::new(Circle { r: x }));
            shapes.push(Box::new(Square { side: x }));
            if shapes.len() > 64 {
                for s in &shapes {
                    total += s.area();
                }
                shapes = Vec::new();
            }
        }
        total + shapes.len() as f64
    }
}

/// `&dyn Shape` of a class instance, copied; `&mut dyn Grow` lent as `&dyn Grow`.
#[jit]
fn borrowed(c: Circle, mut s: Square, x: f64) -> f64 {
    let r: &dyn Shape = &c;
    let copy = r;
    let m: &mut dyn Grow = &mut s;
    m.grow(x);
    let lent: &dyn Grow = m;
    r.area() + copy.scaled(2.0) + lent.size()
}

/// `&mut self` methods through `Box<dyn Grow>`, `&mut dyn Grow`, a `Vec` element and
/// `for g in &mut items`: the instance changes in place.
#[jit]
fn grow_all(mut c: Square, n: i64, k: f64) -> f64 {
    let mut items: Vec<Box<dyn Grow>> = Vec::new();
    for i in 0..n {
        if i % 3 == 0 {
            items.push(Box::new(Square { side: i as f64 }));
        } else {
            items.push(Box::new(Circle { r: i as f64 }));
        }
    }
    for i in 0..items.len() {
        items[i].grow(k);
    }
    for g in &mut items {
        g.grow(0.25);
    }
    let mut b: Box<dyn Grow> = Box::new(Circle { r: 1.0 });
    b.grow(k);
    let after_box = b.grown(k);
    let r: &mut dyn Grow = &mut c;
    r.grow(k);
    let through_ref = r.grown(1.0);
    let mut total = after_box + through_ref + c.size();
    for g in &items {
        total += g.size();
    }
    total
}

/// `borrowed` and `grow_all` as rustc builds them (`mut` parameters: not in `twins!`).
mod twin_mut {
    #![allow(clippy::needless_range_loop)]
    use super::rust::{Circle, Grow, Shape, Square};

    /// `&dyn Shape` of a class instance, copied; `&mut dyn Grow` lent as `&dyn Grow`.
    pub fn borrowed(c: Circle, mut s: Square, x: f64) -> f64 {
        let r: &dyn Shape = &c;
        let copy = r;
        let m: &mut dyn Grow = &mut s;
        m.grow(x);
        let lent: &dyn Grow = m;
        r.area() + copy.scaled(2.0) + lent.size()
    }

    /// `&mut self` methods through `Box<dyn Grow>`, `&mut dyn Grow`, a `Vec` element and
    /// `for g in &mut items`: the instance changes in place.
    pub fn grow_all(mut c: Square, n: i64, k: f64) -> f64 {
        let mut items: Vec<Box<dyn Grow>> = Vec::new();
        for i in 0..n {
            if i % 3 == 0 {
                items.push(Box::new(Square { side: i as f64 }));
            } else {
                items.push(Box::new(Circle { r: i as f64 }));
            }
        }
        for i in 0..items.len() {
            items[i].grow(k);
        }
        for g in &mut items {
            g.grow(0.25);
        }
        let mut b: Box<dyn Grow> = Box::new(Circle { r: 1.0 });
        b.grow(k);
        let after_box = b.grown(k);
        let r: &mut dyn Grow = &mut c;
        r.grow(k);
        let through_ref = r.grown(1.0);
        let mut total = after_box + through_ref + c.size();
        for g in &items {
            total += g.size();
        }
        total
    }
}

#[test]
fn a_vec_of_boxed_trait_objects_in_jit_code_is_rusts() {
    let _memory = memory_test();
    let sizes = [1.0, 2.5, 0.5, 3.0, 4.25, 0.0, 7.5];
    assert_eq!(mixed_total(&sizes, 1.5), twin::mixed_total(&sizes, 1.5));
    assert_eq!(mixed_total(&[], 1.5), twin::mixed_total(&[], 1.5));
    assert_eq!(literal_vec(1.25), twin::literal_vec(1.25));
    assert_eq!(largest(&sizes), twin::largest(&sizes));
    assert_eq!(largest(&[]), twin::largest(&[]));
    assert_no_leaks();
}

#[test]
fn locals_and_boxes_lent_as_trait_objects_are_rusts() {
    let _memory = memory_test();
    {
        let p = Square::unit();
        p.set_side(1.5);
        let rust = twin::lent_locals(rust::Square { side: 1.5 }, 2.0);
        assert_eq!(lent_locals(p.clone(), 2.0), rust);
        // `let mut g = p` copied the handle: the caller's instance grew too.
        assert_eq!(p.side(), 1.5 + 2.0 + 1.0);
        assert_eq!(lent_boxes(1.25), twin::lent_boxes(1.25));
    }
    assert_no_leaks();
}

#[test]
fn nested_loops_over_trait_objects_are_rusts_also_when_one_panics() {
    let _memory = memory_test();
    let sizes = [1.0, 2.0, 3.0, 0.5];
    assert_eq!(pairs(&sizes), twin::pairs(&sizes));
    let sizes = [1.0, 2.0, -1.0];
    let rust = panic_message(|| twin::pairs(&sizes));
    let jit = panic_message(|| pairs(&sizes));
    assert_eq!(rust, "negative radius -1");
    assert!(
        jit.starts_with(&format!("{rust}\n  --> ")),
        "{jit:?} / {rust:?}"
    );
    assert_no_leaks();
}

#[test]
fn borrowed_trait_objects_in_jit_code_are_rusts() {
    let _memory = memory_test();
    let (c, s) = (Circle::unit(), Square::unit());
    c.set_r(2.0);
    let rust = twin_mut::borrowed(rust::Circle { r: 2.0 }, rust::Square { side: 1.0 }, 0.5);
    assert_eq!(borrowed(c.clone(), s.clone(), 0.5), rust);
    // `&mut dyn Grow` changed the instance in place: the caller's handle sees it.
    assert_eq!(s.side(), 1.5);
    drop((c, s));
    assert_no_leaks();
}

#[test]
fn mut_self_methods_through_trait_objects_change_the_instance() {
    let _memory = memory_test();
    let rust = |n, k| twin_mut::grow_all(rust::Square { side: 2.0 }, n, k);
    let jit = |n, k| {
        let c = Square::unit();
        c.set_side(2.0);
        grow_all(c, n, k)
    };
    assert_eq!(jit(10, 1.5), rust(10, 1.5));
    assert_eq!(jit(0, 2.0), rust(0, 2.0));
    assert_no_leaks();
}

#[test]
fn many_trait_objects_are_all_released() {
    let _memory = memory_test();
    assert_eq!(churn(100_000), twin::churn(100_000));
    assert_no_leaks();
}

#[test]
fn a_panic_through_a_vtable_mid_loop_is_rusts_and_releases() {
    let _memory = memory_test();
    let sizes = [1.0, 2.0, -1.0, 3.0, 4.0];
    let rust = panic_message(|| twin::mixed_total(&sizes, 1.0));
    let jit = panic_message(|| mixed_total(&sizes, 1.0));
    assert_eq!(rust, "negative radius -1");
    assert!(
        jit.starts_with(&format!("{rust}\n  --> ")),
        "{jit:?} / {rust:?}"
    );
    // The loop's vector, its boxes and the temporaries of the call are all released.
    assert_no_leaks();
}

/// Generic over the class put in the box: each class its own vtable.
#[jit]
fn boxed_scaled<S: Shape + 'static>(s: S, k: f64) -> f64 {
    let b: Box<dyn Shape> = Box::new(s);
    b.scaled(k)
}

#[test]
fn code_that_makes_a_trait_object_of_a_class_is_not_shared_with_another() {
    let _memory = crate::memory_test();
    {
        // Sharing `Circle`'s code with `Square` through a supertype would call
        // `Circle`'s functions on a `Square`: the footprint refuses it.
        let d = boxed_scaled::dispatcher();
        d.define_supertype(Supertype::nominal(
            "shapes",
            [vec![type_of::<Circle>()], vec![type_of::<Square>()]],
        ));
        assert_eq!(boxed_scaled(Circle::unit(), 2.0), 6.0);
        let err = d.compile(&[type_of::<Square>()]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Subtype);
        assert!(
            err.message().contains("makes a `dyn Shape` of `Circle`"),
            "{}",
            err.message()
        );
    }
    assert_no_leaks();
}
