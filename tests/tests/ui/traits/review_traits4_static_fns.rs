// Review probes of trait fns without `self` and trait paths rustc refuses: a chained
// `Meter::unit().read()` (E0282), a `Self` only the annotation could give (E0790), a fn
// naming no `Self` (E0790), two classes for one `Self` (E0308), a later method call as the
// only use (E0282), a trait-path call with a value of an unbounded `S` (E0277 `S: Meter`).
use jitclass::{jit, jitclass};

#[jit]
pub trait Meter {
    fn read(&self) -> i64;
    fn unit() -> Self
    where
        Self: Sized;
    fn from_cup(o: &Cup) -> Self
    where
        Self: Sized;
    fn count() -> i64
    where
        Self: Sized;
    fn same(a: &Self, b: &Self) -> i64
    where
        Self: Sized;
}

#[jitclass]
pub struct Cup {
    v: i64,
}

#[jitclass]
impl Meter for Cup {
    fn read(&self) -> i64 {
        self.v
    }
    fn unit() -> Self {
        Cup { v: 1 }
    }
    fn from_cup(o: &Cup) -> Self {
        Cup { v: o.v }
    }
    fn count() -> i64 {
        3
    }
    fn same(a: &Self, b: &Self) -> i64 {
        a.v + b.v
    }
}

#[jitclass]
pub struct Jar {
    v: i64,
}

#[jitclass]
impl Meter for Jar {
    fn read(&self) -> i64 {
        self.v
    }
    fn unit() -> Self {
        Jar { v: 1 }
    }
    fn from_cup(o: &Cup) -> Self {
        Jar { v: o.v }
    }
    fn count() -> i64 {
        4
    }
    fn same(a: &Self, b: &Self) -> i64 {
        a.v + b.v
    }
}

#[jit]
fn chained() -> i64 {
    Meter::unit().read()
}

#[jit]
fn untyped_from(c: &Cup) -> i64 {
    let _j = Meter::from_cup(c);
    0
}

#[jit]
fn no_self() -> i64 {
    Meter::count()
}

#[jit]
fn mixed(c: &Cup, j: &Jar) -> i64 {
    Meter::same(c, j)
}

#[jit]
fn unbounded<S>(s: &S) -> i64 {
    Meter::read(s)
}

#[jit]
fn later_method() -> i64 {
    let c = Meter::unit();
    c.read()
}

fn main() {}
