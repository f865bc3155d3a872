//! Adversarial probes of `#[jit] trait` impls for generic classes, each against rustc's build.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

#[jit]
pub trait Figure {
    fn area(&self) -> f64;
    fn dup(&self) -> Self
    where
        Self: Sized;
    fn doubled(&self) -> f64 {
        self.area() * 2.0
    }
    /// A default calling another default and a required method.
    fn report(&self) -> f64 {
        self.doubled() + self.area() + 0.25
    }
}

#[jit]
pub trait Unit {
    fn unit() -> Self;
}

#[jit]
pub trait Named {
    fn code(&self) -> i64;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Disk {
    pub fn new(r: f64) -> Disk {
        Disk { r }
    }
}

#[jitclass]
impl Figure for Disk {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn dup(&self) -> Self {
        Disk { r: self.r }
    }
}

#[jitclass]
impl Unit for Disk {
    fn unit() -> Self {
        Disk { r: 1.0 }
    }
}

/// Named but no Figure.
#[jitclass]
pub struct Tag {
    n: i64,
}

#[jitclass]
impl Tag {
    pub fn new(n: i64) -> Tag {
        Tag { n }
    }
}

#[jitclass]
impl Named for Tag {
    fn code(&self) -> i64 {
        self.n
    }
}

#[jitclass]
pub struct Pile<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Figure for Pile<T> {
    fn area(&self) -> f64 {
        self.items.len() as f64
    }
    fn dup(&self) -> Self {
        Pile {
            items: self.items.clone(),
        }
    }
}

#[jitclass]
impl<T: Copy> Unit for Pile<T> {
    fn unit() -> Self {
        Pile { items: Vec::new() }
    }
}

#[jitclass]
pub struct Duo<A, B> {
    a: A,
    b: B,
}

/// Two bounded parameters, one in the where clause; overrides a default that the
/// other default calls.
#[jitclass]
impl<A: Figure, B> Figure for Duo<A, B>
where
    B: Figure,
{
    fn area(&self) -> f64 {
        self.a.area() + self.b.area()
    }
    fn dup(&self) -> Self {
        Duo {
            a: self.a.dup(),
            b: self.b.dup(),
        }
    }
    fn doubled(&self) -> f64 {
        self.a.report() - self.b.doubled()
    }
}

/// Another trait of the same family, with its own bound.
#[jitclass]
impl<A: Named, B> Named for Duo<A, B> {
    fn code(&self) -> i64 {
        self.a.code() * 10
    }
}

#[jitclass]
pub struct Wrap<S> {
    inner: S,
}

#[jitclass]
impl<S: Figure> Figure for Wrap<S> {
    fn area(&self) -> f64 {
        self.inner.area() + 1.0
    }
    fn dup(&self) -> Self {
        Wrap {
            inner: self.inner.dup(),
        }
    }
}

#[jit]
fn sum_report<F: Figure>(f: F) -> f64 {
    f.report() + Figure::doubled(&f) + F::area(&f) + f.dup().area()
}

#[jit]
fn statics() -> f64 {
    let p = Pile::<f64>::unit();
    let q = <Pile<i64> as Unit>::unit();
    let d = Disk::unit();
    let w = Wrap {
        inner: Wrap {
            inner: Disk::unit(),
        },
    };
    p.area() + q.report() + d.report() + w.dup().report()
}

#[jit]
fn two_bounds(r: f64) -> f64 {
    let d = Duo {
        a: Disk { r },
        b: Wrap { inner: Disk { r } },
    };
    let e = Duo {
        a: Tag { n: 3 },
        b: Disk { r },
    };
    let f = Duo {
        a: Tag { n: 5 },
        b: 7_i64,
    };
    sum_report(d) + e.code() as f64 + f.code() as f64 + e.b.area()
}

#[jit]
fn dyn_defaults(r: f64) -> f64 {
    let v: Vec<Box<dyn Named>> = vec![
        Box::new(Tag { n: 2 }),
        Box::new(Duo {
            a: Tag { n: 4 },
            b: 1_i64,
        }),
    ];
    let mut s = 0.0;
    for x in &v {
        s += x.code() as f64;
    }
    let w = Wrap {
        inner: Wrap { inner: Disk { r } },
    };
    let t = Tag { n: 1 };
    let as_dyn: &dyn Named = &t;
    let f: &dyn Figure = &w;
    s + w.report() + as_dyn.code() as f64 + f.report() + f.doubled()
}

#[jit]
fn boxed_in_vecs(r: f64, n: i64) -> (f64, f64, f64) {
    let mut figs: Vec<Box<dyn Figure>> = Vec::new();
    for i in 0..n {
        if i % 3 == 0 {
            figs.push(Box::new(Wrap {
                inner: Wrap { inner: Disk { r } },
            }));
        } else if i % 3 == 1 {
            let mut p: Pile<f64> = Pile::unit();
            p.items.push(r);
            figs.push(Box::new(p));
        } else {
            figs.push(Box::new(Duo {
                a: Disk { r },
                b: Wrap { inner: Disk { r } },
            }));
        }
    }
    let mut nested: Vec<Vec<Box<dyn Figure>>> = Vec::new();
    nested.push(Vec::new());
    nested[0].push(Box::new(Wrap { inner: Disk { r } }));
    let mut total = 0.0;
    for f in &figs {
        total += f.report();
    }
    let mut taken = 0.0;
    while figs.len() > 1 {
        taken += figs.pop().unwrap().doubled();
    }
    let mut after = nested[0][0].area();
    for f in &figs {
        after += f.report();
    }
    (total, taken, after)
}

/// Duck-typed over `T`: the default `report` of `Wrap<T>` needs `T: Figure`.
#[jit]
fn report_of_wrap<T>(t: T) -> f64 {
    let w = Wrap { inner: t };
    w.report()
}

/// `Wrap<T>` where a bound needs `Figure`: rustc's E0277 names the unmet bound `T: Figure`.
#[jit]
fn total_of_wrap<T>(t: T) -> f64 {
    sum_report(Wrap { inner: t })
}

/// A trait object of an instantiation whose second argument fails the impl's bound.
#[jit]
fn dyn_of_duo<T>(t: T) -> f64 {
    let b: Box<dyn Figure> = Box::new(Duo {
        a: Disk { r: 1.0 },
        b: t,
    });
    b.report()
}

/// The same program compiled by rustc.
mod rust {
    pub trait Figure {
        fn area(&self) -> f64;
        fn dup(&self) -> Self
        where
            Self: Sized;
        fn doubled(&self) -> f64 {
            self.area() * 2.0
        }
        /// A default calling another default and a required method.
        fn report(&self) -> f64 {
            self.doubled() + self.area() + 0.25
        }
    }

    pub trait Unit {
        fn unit() -> Self;
    }

    pub trait Named {
        fn code(&self) -> i64;
    }

    pub struct Disk {
        r: f64,
    }

    impl Disk {
        pub fn new(r: f64) -> Disk {
            Disk { r }
        }
    }

    impl Figure for Disk {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn dup(&self) -> Self {
            Disk { r: self.r }
        }
    }

    impl Unit for Disk {
        fn unit() -> Self {
            Disk { r: 1.0 }
        }
    }

    /// Named but no Figure.
    pub struct Tag {
        n: i64,
    }

    impl Tag {
        pub fn new(n: i64) -> Tag {
            Tag { n }
        }
    }

    impl Named for Tag {
        fn code(&self) -> i64 {
            self.n
        }
    }

    pub struct Pile<T> {
        items: Vec<T>,
    }

    impl<T: Copy> Figure for Pile<T> {
        fn area(&self) -> f64 {
            self.items.len() as f64
        }
        fn dup(&self) -> Self {
            Pile {
                items: self.items.clone(),
            }
        }
    }

    impl<T: Copy> Unit for Pile<T> {
        fn unit() -> Self {
            Pile { items: Vec::new() }
        }
    }

    pub struct Duo<A, B> {
        a: A,
        b: B,
    }

    /// Two bounded parameters, one in the where clause; overrides a default that the
    /// other default calls.
    impl<A: Figure, B> Figure for Duo<A, B>
    where
        B: Figure,
    {
        fn area(&self) -> f64 {
            self.a.area() + self.b.area()
        }
        fn dup(&self) -> Self {
            Duo {
                a: self.a.dup(),
                b: self.b.dup(),
            }
        }
        fn doubled(&self) -> f64 {
            self.a.report() - self.b.doubled()
        }
    }

    /// Another trait of the same family, with its own bound.
    impl<A: Named, B> Named for Duo<A, B> {
        fn code(&self) -> i64 {
            self.a.code() * 10
        }
    }

    pub struct Wrap<S> {
        inner: S,
    }

    impl<S: Figure> Figure for Wrap<S> {
        fn area(&self) -> f64 {
            self.inner.area() + 1.0
        }
        fn dup(&self) -> Self {
            Wrap {
                inner: self.inner.dup(),
            }
        }
    }

    pub fn sum_report<F: Figure>(f: F) -> f64 {
        f.report() + Figure::doubled(&f) + F::area(&f) + f.dup().area()
    }

    pub fn statics() -> f64 {
        let p = Pile::<f64>::unit();
        let q = <Pile<i64> as Unit>::unit();
        let d = Disk::unit();
        let w = Wrap {
            inner: Wrap {
                inner: Disk::unit(),
            },
        };
        p.area() + q.report() + d.report() + w.dup().report()
    }

    pub fn two_bounds(r: f64) -> f64 {
        let d = Duo {
            a: Disk { r },
            b: Wrap { inner: Disk { r } },
        };
        let e = Duo {
            a: Tag { n: 3 },
            b: Disk { r },
        };
        let f = Duo {
            a: Tag { n: 5 },
            b: 7_i64,
        };
        sum_report(d) + e.code() as f64 + f.code() as f64 + e.b.area()
    }

    pub fn dyn_defaults(r: f64) -> f64 {
        let v: Vec<Box<dyn Named>> = vec![
            Box::new(Tag { n: 2 }),
            Box::new(Duo {
                a: Tag { n: 4 },
                b: 1_i64,
            }),
        ];
        let mut s = 0.0;
        for x in &v {
            s += x.code() as f64;
        }
        let w = Wrap {
            inner: Wrap { inner: Disk { r } },
        };
        let t = Tag { n: 1 };
        let as_dyn: &dyn Named = &t;
        let f: &dyn Figure = &w;
        s + w.report() + as_dyn.code() as f64 + f.report() + f.doubled()
    }

    pub fn boxed_in_vecs(r: f64, n: i64) -> (f64, f64, f64) {
        let mut figs: Vec<Box<dyn Figure>> = Vec::new();
        for i in 0..n {
            if i % 3 == 0 {
                figs.push(Box::new(Wrap {
                    inner: Wrap { inner: Disk { r } },
                }));
            } else if i % 3 == 1 {
                let mut p: Pile<f64> = Pile::unit();
                p.items.push(r);
                figs.push(Box::new(p));
            } else {
                figs.push(Box::new(Duo {
                    a: Disk { r },
                    b: Wrap { inner: Disk { r } },
                }));
            }
        }
        let mut nested: Vec<Vec<Box<dyn Figure>>> = vec![Vec::new()];
        nested[0].push(Box::new(Wrap { inner: Disk { r } }));
        let mut total = 0.0;
        for f in &figs {
            total += f.report();
        }
        let mut taken = 0.0;
        while figs.len() > 1 {
            taken += figs.pop().unwrap().doubled();
        }
        let mut after = nested[0][0].area();
        for f in &figs {
            after += f.report();
        }
        (total, taken, after)
    }
}

#[test]
fn defaults_and_statics_per_instantiation() {
    let _memory = memory_test();
    assert_eq!(statics(), rust::statics());
    for r in [1.0, 0.5] {
        assert_eq!(two_bounds(r), rust::two_bounds(r));
        assert_eq!(dyn_defaults(r), rust::dyn_defaults(r));
    }
    assert_no_leaks();
}

#[test]
fn static_fns_and_defaults_from_rust() {
    let _memory = memory_test();
    {
        let p = Pile::<f64>::unit();
        let rp = <rust::Pile<f64> as rust::Unit>::unit();
        assert_eq!(p.report(), rust::Figure::report(&rp));
        let q = <Pile<i64> as Unit>::unit();
        assert_eq!(q.dup().doubled(), 0.0);
        let d = Disk::new(2.0);
        assert_eq!(sum_report(d), rust::sum_report(rust::Disk::new(2.0)));
    }
    assert_no_leaks();
}

#[test]
fn boxed_instantiations_in_vecs() {
    let _memory = memory_test();
    for (r, n) in [(1.0, 7), (0.5, 0), (2.0, 1), (1.5, 12)] {
        assert_eq!(boxed_in_vecs(r, n), rust::boxed_in_vecs(r, n));
        assert_no_leaks();
    }
}

#[test]
fn generic_bodies_outside_the_bounds() {
    let _memory = memory_test();
    {
        assert_eq!(report_of_wrap(Disk::new(1.0)), 12.25);
        assert_eq!(Tag::new(1).code(), rust::Named::code(&rust::Tag::new(1)));
        let m = panic_message(|| report_of_wrap(Tag::new(1)));
        assert!(m.contains("`Tag: Figure`"), "{m}");
        assert!(!m.contains("__"), "{m}");
        let m = panic_message(|| dyn_of_duo(Tag::new(1)));
        assert!(
            m.contains("the trait bound `Duo<Disk, Tag>: Figure` is not satisfied"),
            "{m}"
        );
        assert!(!m.contains("__"), "{m}");
        // rustc names the unmet bound of the impl, and suggests no impl of the one
        // instantiation (which jit code refuses).
        let required = "note: required for `Duo<Disk, Tag>` to implement `Figure`";
        assert!(
            m.contains("the trait `Figure` is not implemented for `Tag`"),
            "{m}"
        );
        assert!(
            m.contains(required) && !m.contains("impl Figure for"),
            "{m}"
        );
        let m = panic_message(|| total_of_wrap(Tag::new(1)));
        assert!(
            m.contains("the trait bound `Wrap<Tag>: Figure` is not satisfied"),
            "{m}"
        );
        assert!(
            m.contains("the trait `Figure` is not implemented for `Tag`"),
            "{m}"
        );
        let required = "note: required for `Wrap<Tag>` to implement `Figure`";
        assert!(
            m.contains(required) && !m.contains("impl Figure for"),
            "{m}"
        );
        // Wrap<Disk>: report 12.25 + doubled 8 + area 4 + dup's area 4.
        assert_eq!(total_of_wrap(Disk::new(1.0)), 28.25);
        assert_eq!(dyn_of_duo(Disk::new(1.0)), 9.25 - 6.0 + 6.0 + 0.25);
    }
    assert_no_leaks();
}

// ---- Polymorphic recursion through a generic impl: rustc stops at its recursion limit. ----

#[jitclass]
pub struct Nest<S> {
    inner: S,
    n: i64,
}

#[jitclass]
impl<S: Figure> Figure for Nest<S> {
    fn area(&self) -> f64 {
        if self.n > 3 {
            self.inner.area()
        } else {
            let deeper: Nest<Nest<S>> = Nest {
                inner: self.dup(),
                n: self.n + 1,
            };
            deeper.area()
        }
    }
    fn dup(&self) -> Self {
        Nest {
            inner: self.inner.dup(),
            n: self.n,
        }
    }
}

#[jitclass]
pub struct DynNest<S> {
    inner: S,
    n: i64,
}

#[jitclass]
impl<S: Figure> Figure for DynNest<S> {
    fn area(&self) -> f64 {
        if self.n > 3 {
            self.inner.area()
        } else {
            let deeper: Box<dyn Figure> = Box::new(DynNest {
                inner: self.dup(),
                n: self.n + 1,
            });
            deeper.area()
        }
    }
    fn dup(&self) -> Self {
        DynNest {
            inner: self.inner.dup(),
            n: self.n,
        }
    }
}

#[jit]
fn nest_area() -> f64 {
    let n = Nest {
        inner: Disk { r: 1.0 },
        n: 0,
    };
    n.area()
}

#[jit]
fn dyn_nest_area() -> f64 {
    let n = DynNest {
        inner: Disk { r: 1.0 },
        n: 0,
    };
    n.area()
}

#[test]
fn polymorphic_recursion_through_an_impl_stops_at_the_limit() {
    let _memory = memory_test();
    let m = panic_message(nest_area);
    assert!(m.contains("recursion limit"), "{m}");
    assert_no_leaks();
}

#[test]
fn polymorphic_recursion_through_a_vtable_stops_at_the_limit() {
    let _memory = memory_test();
    let m = panic_message(dyn_nest_area);
    assert!(m.contains("recursion limit"), "{m}");
    assert_no_leaks();
}
