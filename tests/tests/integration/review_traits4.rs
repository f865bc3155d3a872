//! Review probes of trait paths on trait objects and trait fns without `self` typed by
//! their use: Vec elements, class fields, tuples/Option/Vec::push, early exits, a trait
//! fn whose first parameter is a concrete class, generic bodies; compared with rustc.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Meter {
    fn read(&self) -> i64;
    fn bump(&mut self, by: i64);
    fn twice(&self) -> i64 {
        self.read() * 2
    }
    fn unit() -> Self
    where
        Self: Sized;
    fn make(x: i64) -> Self
    where
        Self: Sized;
    fn from_cup(o: &Cup) -> Self
    where
        Self: Sized;
    fn total(k: i64, a: &Self) -> i64
    where
        Self: Sized;
}

#[jitclass]
pub struct Cup {
    v: i64,
    tag: String,
}

#[jitclass]
impl Meter for Cup {
    fn read(&self) -> i64 {
        self.v + self.tag.len() as i64
    }
    fn bump(&mut self, by: i64) {
        self.v += by;
        self.tag.push('c');
    }
    fn unit() -> Self {
        Cup {
            v: 1,
            tag: String::from("u"),
        }
    }
    fn make(x: i64) -> Self {
        Cup {
            v: x,
            tag: String::from("mk"),
        }
    }
    fn from_cup(o: &Cup) -> Self {
        Cup {
            v: o.v + 1,
            tag: String::from("fc"),
        }
    }
    fn total(k: i64, a: &Self) -> i64 {
        k + a.v
    }
}

#[jitclass]
pub struct Jar {
    v: i64,
}

#[jitclass]
impl Meter for Jar {
    fn read(&self) -> i64 {
        -self.v
    }
    fn bump(&mut self, by: i64) {
        self.v -= by * 3;
    }
    fn unit() -> Self {
        Jar { v: 50 }
    }
    fn make(x: i64) -> Self {
        Jar { v: x * 7 }
    }
    fn from_cup(o: &Cup) -> Self {
        Jar { v: o.v * 100 }
    }
    fn total(k: i64, a: &Self) -> i64 {
        k * 1000 + a.v
    }
}

/// Trait objects in a method's body: boxes of the class's own field values.
#[jitclass]
pub struct Shelf {
    base: i64,
}

#[jitclass]
impl Shelf {
    pub fn sum(&mut self) -> i64 {
        let mut items: Vec<Box<dyn Meter>> = Vec::new();
        items.push(Box::new(Cup {
            v: self.base,
            tag: String::from("s"),
        }));
        items.push(Box::new(Jar { v: self.base }));
        let mut s = 0;
        for i in 0..items.len() {
            Meter::bump(items[i].as_mut(), 2);
            Meter::bump(&mut *items[i], 1);
            s += Meter::read(items[i].as_ref()) + Meter::twice(&*items[i]) * 10;
            self.base += Meter::read(&*items[i]);
        }
        s
    }
}

#[jit]
fn vec_elements(x: i64) -> i64 {
    let mut v: Vec<Box<dyn Meter>> = Vec::new();
    v.push(Box::new(Cup {
        v: x,
        tag: String::from("b"),
    }));
    v.push(Box::new(Jar { v: x }));
    let mut s = 0;
    for i in 0..v.len() {
        Meter::bump(v[i].as_mut(), i as i64);
        s += Meter::read(&*v[i]) * 10 + Meter::twice(v[i].as_ref());
        if s > 1000 {
            break;
        }
    }
    let m: &mut dyn Meter = v[0].as_mut();
    Meter::bump(m, 4);
    s + Meter::read(m)
}

#[jit]
fn shelf_sum(x: i64) -> i64 {
    let mut sh = Shelf { base: x };
    sh.sum() + sh.sum()
}

#[jit]
fn in_aggregates(x: i64) -> i64 {
    let p: (Cup, Jar) = (Meter::unit(), Meter::make(x));
    let o: Option<Jar> = Some(Meter::unit());
    let mut v: Vec<Cup> = Vec::new();
    v.push(Meter::make(x));
    v.push(Meter::unit());
    let mut s = Meter::read(&p.0) + Meter::read(&p.1) * 10;
    if let Some(j) = o {
        s += Meter::read(&j) * 100;
    }
    for c in &v {
        s += Meter::read(c) * 1000;
    }
    s
}

#[jit]
fn early(x: i64) -> Jar {
    if x > 3 {
        return Meter::make(x);
    }
    let j: Jar = if x < 0 {
        Meter::unit()
    } else {
        Meter::make(x + 1)
    };
    j
}

#[jit]
fn from_concrete_first(x: i64) -> i64 {
    let c = Cup {
        v: x,
        tag: String::from(""),
    };
    let j: Jar = Meter::from_cup(&c);
    let c2: Cup = Meter::from_cup(&c);
    Meter::read(&j) + Meter::read(&c2) * 1_000_000
}

#[jit]
fn self_in_second(x: i64) -> i64 {
    let c = Cup {
        v: x,
        tag: String::from(""),
    };
    let j = Jar { v: x };
    Meter::total(3, &c) + Meter::total(4, &j)
}

#[jit]
fn generic_pair<S: Meter>(a: &S, b: &S) -> i64 {
    Meter::total(1, a) + Meter::total(2, b) + Meter::read(a)
}

#[jit]
fn generic_made<S: Meter>(x: i64) -> i64 {
    let s: S = Meter::make(x);
    let d: &dyn Meter = &s;
    Meter::twice(d) + Meter::read(&s)
}

#[jit]
fn generic_callers(x: i64) -> i64 {
    generic_pair(&Jar { v: x }, &Jar { v: 1 })
        + generic_made::<Cup>(x) * 1000
        + generic_made::<Jar>(x) * 100_000
}

// The plain copy keeps the jit code's forms (pushes, index loops) that clippy would rewrite.
#[allow(clippy::vec_init_then_push, clippy::needless_range_loop)]
mod rust {
    pub trait Meter {
        fn read(&self) -> i64;
        fn bump(&mut self, by: i64);
        fn twice(&self) -> i64 {
            self.read() * 2
        }
        fn unit() -> Self
        where
            Self: Sized;
        fn make(x: i64) -> Self
        where
            Self: Sized;
        fn from_cup(o: &Cup) -> Self
        where
            Self: Sized;
        fn total(k: i64, a: &Self) -> i64
        where
            Self: Sized;
    }
    pub struct Cup {
        pub v: i64,
        pub tag: String,
    }
    impl Meter for Cup {
        fn read(&self) -> i64 {
            self.v + self.tag.len() as i64
        }
        fn bump(&mut self, by: i64) {
            self.v += by;
            self.tag.push('c');
        }
        fn unit() -> Self {
            Cup {
                v: 1,
                tag: String::from("u"),
            }
        }
        fn make(x: i64) -> Self {
            Cup {
                v: x,
                tag: String::from("mk"),
            }
        }
        fn from_cup(o: &Cup) -> Self {
            Cup {
                v: o.v + 1,
                tag: String::from("fc"),
            }
        }
        fn total(k: i64, a: &Self) -> i64 {
            k + a.v
        }
    }
    pub struct Jar {
        pub v: i64,
    }
    impl Meter for Jar {
        fn read(&self) -> i64 {
            -self.v
        }
        fn bump(&mut self, by: i64) {
            self.v -= by * 3;
        }
        fn unit() -> Self {
            Jar { v: 50 }
        }
        fn make(x: i64) -> Self {
            Jar { v: x * 7 }
        }
        fn from_cup(o: &Cup) -> Self {
            Jar { v: o.v * 100 }
        }
        fn total(k: i64, a: &Self) -> i64 {
            k * 1000 + a.v
        }
    }
    pub struct Shelf {
        pub base: i64,
    }
    impl Shelf {
        pub fn sum(&mut self) -> i64 {
            let mut items: Vec<Box<dyn Meter>> = Vec::new();
            items.push(Box::new(Cup {
                v: self.base,
                tag: String::from("s"),
            }));
            items.push(Box::new(Jar { v: self.base }));
            let mut s = 0;
            for i in 0..items.len() {
                Meter::bump(items[i].as_mut(), 2);
                Meter::bump(&mut *items[i], 1);
                s += Meter::read(items[i].as_ref()) + Meter::twice(&*items[i]) * 10;
                self.base += Meter::read(&*items[i]);
            }
            s
        }
    }
    pub fn vec_elements(x: i64) -> i64 {
        let mut v: Vec<Box<dyn Meter>> = Vec::new();
        v.push(Box::new(Cup {
            v: x,
            tag: String::from("b"),
        }));
        v.push(Box::new(Jar { v: x }));
        let mut s = 0;
        for i in 0..v.len() {
            Meter::bump(v[i].as_mut(), i as i64);
            s += Meter::read(&*v[i]) * 10 + Meter::twice(v[i].as_ref());
            if s > 1000 {
                break;
            }
        }
        let m: &mut dyn Meter = v[0].as_mut();
        Meter::bump(m, 4);
        s + Meter::read(m)
    }
    pub fn shelf_sum(x: i64) -> i64 {
        let mut sh = Shelf { base: x };
        sh.sum() + sh.sum()
    }
    pub fn in_aggregates(x: i64) -> i64 {
        let p: (Cup, Jar) = (Meter::unit(), Meter::make(x));
        let o: Option<Jar> = Some(Meter::unit());
        let mut v: Vec<Cup> = Vec::new();
        v.push(Meter::make(x));
        v.push(Meter::unit());
        let mut s = Meter::read(&p.0) + Meter::read(&p.1) * 10;
        if let Some(j) = o {
            s += Meter::read(&j) * 100;
        }
        for c in &v {
            s += Meter::read(c) * 1000;
        }
        s
    }
    pub fn early(x: i64) -> Jar {
        if x > 3 {
            return Meter::make(x);
        }
        let j: Jar = if x < 0 {
            Meter::unit()
        } else {
            Meter::make(x + 1)
        };
        j
    }
    pub fn from_concrete_first(x: i64) -> i64 {
        let c = Cup {
            v: x,
            tag: String::from(""),
        };
        let j: Jar = Meter::from_cup(&c);
        let c2: Cup = Meter::from_cup(&c);
        Meter::read(&j) + Meter::read(&c2) * 1_000_000
    }
    pub fn self_in_second(x: i64) -> i64 {
        let c = Cup {
            v: x,
            tag: String::from(""),
        };
        let j = Jar { v: x };
        Meter::total(3, &c) + Meter::total(4, &j)
    }
    fn generic_pair<S: Meter>(a: &S, b: &S) -> i64 {
        Meter::total(1, a) + Meter::total(2, b) + Meter::read(a)
    }
    fn generic_made<S: Meter>(x: i64) -> i64 {
        let s: S = Meter::make(x);
        let d: &dyn Meter = &s;
        Meter::twice(d) + Meter::read(&s)
    }
    pub fn generic_callers(x: i64) -> i64 {
        generic_pair(&Jar { v: x }, &Jar { v: 1 })
            + generic_made::<Cup>(x) * 1000
            + generic_made::<Jar>(x) * 100_000
    }
}

#[test]
fn review_traits4_trait_objects_in_vec_elements_and_fields() {
    let _m = memory_test();
    for x in [2, -5, 0] {
        assert_eq!(vec_elements(x), rust::vec_elements(x), "vec_elements({x})");
        assert_eq!(shelf_sum(x), rust::shelf_sum(x), "shelf_sum({x})");
    }
    assert_no_leaks();
}

#[test]
fn review_traits4_self_typed_in_aggregates_and_early_exits() {
    let _m = memory_test();
    for x in [2, -5, 9] {
        assert_eq!(
            in_aggregates(x),
            rust::in_aggregates(x),
            "in_aggregates({x})"
        );
        assert_eq!(
            early(x).read(),
            rust::Meter::read(&rust::early(x)),
            "early({x})"
        );
    }
    assert_no_leaks();
}

#[test]
fn review_traits4_first_parameter_of_a_concrete_class() {
    let _m = memory_test();
    for x in [2, -5] {
        assert_eq!(from_concrete_first(x), rust::from_concrete_first(x));
    }
    assert_no_leaks();
}

#[test]
fn review_traits4_self_in_a_later_parameter() {
    let _m = memory_test();
    for x in [2, -5] {
        assert_eq!(self_in_second(x), rust::self_in_second(x));
    }
    assert_no_leaks();
}

#[test]
fn review_traits4_generic_bodies() {
    let _m = memory_test();
    for x in [2, -5] {
        assert_eq!(generic_callers(x), rust::generic_callers(x));
    }
    assert_no_leaks();
}
