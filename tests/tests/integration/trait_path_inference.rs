//! `Trait::f(args)` whose implementing type rustc infers: a borrowed trait object as the
//! receiver (called through the vtable), and a function without `self` typed by its use
//! (a `let` annotation, the return type, a parameter), compared with rustc's build.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Gauge {
    fn level(&self) -> i64;
    fn raise(&mut self, by: i64);
    fn doubled(&self) -> i64 {
        self.level() * 2
    }
    fn empty() -> Self
    where
        Self: Sized;
    fn at(level: i64, step: i64) -> Self
    where
        Self: Sized;
    fn sum_of(a: &Self, b: &Self) -> i64
    where
        Self: Sized;
}

#[jitclass]
pub struct Tank {
    v: i64,
}

#[jitclass]
impl Gauge for Tank {
    fn level(&self) -> i64 {
        self.v
    }
    fn raise(&mut self, by: i64) {
        self.v += by;
    }
    fn empty() -> Self {
        Tank { v: 0 }
    }
    fn at(level: i64, step: i64) -> Self {
        Tank { v: level * step }
    }
    fn sum_of(a: &Self, b: &Self) -> i64 {
        a.v + b.v * 2
    }
}

#[jitclass]
pub struct Dial {
    v: i64,
}

#[jitclass]
impl Gauge for Dial {
    fn level(&self) -> i64 {
        -self.v
    }
    fn raise(&mut self, by: i64) {
        self.v -= by;
    }
    fn empty() -> Self {
        Dial { v: 100 }
    }
    fn at(level: i64, step: i64) -> Self {
        Dial { v: level + step }
    }
    fn sum_of(a: &Self, b: &Self) -> i64 {
        a.v + b.v * 2
    }
}

#[jit]
fn through_objects(x: i64) -> i64 {
    let mut b: Box<dyn Gauge> = Box::new(Tank { v: x });
    Gauge::raise(&mut *b, 5);
    Gauge::raise(b.as_mut(), 1);
    let m: &mut dyn Gauge = &mut Dial { v: x };
    Gauge::raise(m, 3);
    let d: &dyn Gauge = &Dial { v: 7 };
    let mut total = Gauge::level(&*b) * 1000 + Gauge::doubled(m) + Gauge::level(d);
    let v: Vec<Box<dyn Gauge>> = vec![Box::new(Tank { v: 1 }), Box::new(Dial { v: 2 })];
    for g in &v {
        total += Gauge::doubled(g.as_ref()) * 10;
    }
    total
}

#[jit]
fn empty_tank() -> Tank {
    Gauge::empty()
}

#[jit]
fn typed_copy(x: i64) -> Tank {
    Tank { v: x }
}

#[jit]
fn level_of(d: Dial) -> i64 {
    Gauge::level(&d)
}

#[jit]
fn by_use(x: i64) -> i64 {
    let t: Tank = Gauge::empty();
    let d: Dial = Gauge::at(x, 2);
    let later = Gauge::at(x, 3);
    let mut typed_later: Tank = later;
    Gauge::raise(&mut typed_later, 1);
    Gauge::level(&t)
        + Gauge::level(&d) * 10
        + Gauge::level(&typed_later) * 100
        + Gauge::level(&empty_tank()) * 1000
        + level_of(Gauge::empty())
        + Gauge::sum_of(&t, &typed_copy(x)) * 10_000
}

/// In a generic body: `S`'s impl from the annotation, an object of the bound's trait.
#[jit]
fn in_generic_body<S: Gauge>(s: &S, x: i64) -> i64 {
    let made: S = Gauge::at(x, 4);
    let d: &dyn Gauge = &Tank { v: x };
    Gauge::level(&made) + Gauge::level(s) * 10 + Gauge::doubled(d) * 100
}

#[jit]
fn generic_callers(x: i64) -> i64 {
    in_generic_body(&Tank { v: 1 }, x) + in_generic_body(&Dial { v: 2 }, x) * 1000
}

mod rust {
    pub trait Gauge {
        fn level(&self) -> i64;
        fn raise(&mut self, by: i64);
        fn doubled(&self) -> i64 {
            self.level() * 2
        }
        fn empty() -> Self
        where
            Self: Sized;
        fn at(level: i64, step: i64) -> Self
        where
            Self: Sized;
        fn sum_of(a: &Self, b: &Self) -> i64
        where
            Self: Sized;
    }
    pub struct Tank {
        v: i64,
    }
    impl Gauge for Tank {
        fn level(&self) -> i64 {
            self.v
        }
        fn raise(&mut self, by: i64) {
            self.v += by;
        }
        fn empty() -> Self {
            Tank { v: 0 }
        }
        fn at(level: i64, step: i64) -> Self {
            Tank { v: level * step }
        }
        fn sum_of(a: &Self, b: &Self) -> i64 {
            a.v + b.v * 2
        }
    }
    pub struct Dial {
        v: i64,
    }
    impl Gauge for Dial {
        fn level(&self) -> i64 {
            -self.v
        }
        fn raise(&mut self, by: i64) {
            self.v -= by;
        }
        fn empty() -> Self {
            Dial { v: 100 }
        }
        fn at(level: i64, step: i64) -> Self {
            Dial { v: level + step }
        }
        fn sum_of(a: &Self, b: &Self) -> i64 {
            a.v + b.v * 2
        }
    }
    pub fn through_objects(x: i64) -> i64 {
        let mut b: Box<dyn Gauge> = Box::new(Tank { v: x });
        Gauge::raise(&mut *b, 5);
        Gauge::raise(b.as_mut(), 1);
        let m: &mut dyn Gauge = &mut Dial { v: x };
        Gauge::raise(m, 3);
        let d: &dyn Gauge = &Dial { v: 7 };
        let mut total = Gauge::level(&*b) * 1000 + Gauge::doubled(m) + Gauge::level(d);
        let v: Vec<Box<dyn Gauge>> = vec![Box::new(Tank { v: 1 }), Box::new(Dial { v: 2 })];
        for g in &v {
            total += Gauge::doubled(g.as_ref()) * 10;
        }
        total
    }
    fn empty_tank() -> Tank {
        Gauge::empty()
    }
    fn typed_copy(x: i64) -> Tank {
        Tank { v: x }
    }
    fn level_of(d: Dial) -> i64 {
        Gauge::level(&d)
    }
    pub fn by_use(x: i64) -> i64 {
        let t: Tank = Gauge::empty();
        let d: Dial = Gauge::at(x, 2);
        let later = Gauge::at(x, 3);
        let mut typed_later: Tank = later;
        Gauge::raise(&mut typed_later, 1);
        Gauge::level(&t)
            + Gauge::level(&d) * 10
            + Gauge::level(&typed_later) * 100
            + Gauge::level(&empty_tank()) * 1000
            + level_of(Gauge::empty())
            + Gauge::sum_of(&t, &typed_copy(x)) * 10_000
    }
    fn in_generic_body<S: Gauge>(s: &S, x: i64) -> i64 {
        let made: S = Gauge::at(x, 4);
        let d: &dyn Gauge = &Tank { v: x };
        Gauge::level(&made) + Gauge::level(s) * 10 + Gauge::doubled(d) * 100
    }
    pub fn generic_callers(x: i64) -> i64 {
        in_generic_body(&Tank { v: 1 }, x) + in_generic_body(&Dial { v: 2 }, x) * 1000
    }
}

#[test]
fn trait_path_on_borrowed_trait_objects_calls_through_the_vtable() {
    let _m = memory_test();
    for x in [0, 4, -9] {
        assert_eq!(through_objects(x), rust::through_objects(x));
    }
    assert_no_leaks();
}

#[test]
fn trait_fn_without_self_takes_its_type_from_the_use() {
    let _m = memory_test();
    for x in [0, 5] {
        assert_eq!(by_use(x), rust::by_use(x));
    }
    assert_eq!(empty_tank().level(), 0);
    assert_no_leaks();
}

#[test]
fn trait_paths_in_a_generic_body() {
    let _m = memory_test();
    for x in [0, 6] {
        assert_eq!(generic_callers(x), rust::generic_callers(x));
    }
    assert_no_leaks();
}
