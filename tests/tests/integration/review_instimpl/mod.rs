//! Review of impls of one instantiation (`impl Bag<f64>`, `impl Shape for Wrap<f64>`) and
//! of generic methods (`fn f<U>(&self, u: U)`): probes against rustc's build of the same
//! program, with the memory runtime balanced after each.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::ops::Add;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }

    pub fn radius(&self) -> f64 {
        self.r
    }
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
impl<A, B> Pair<A, B> {
    pub fn new(a: A, b: B) -> Self {
        Pair { a, b }
    }
}

/// Unbounded, so that its instantiations may hold `Vec`s, classes and options.
#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Bag<T> {
    pub fn new() -> Self {
        Bag { items: Vec::new() }
    }

    pub fn put(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn count(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
impl Bag<f64> {
    pub const SCALE: f64 = 2.0;

    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for x in self.items.iter() {
            s += *x;
        }
        s * Self::SCALE
    }

    /// A static fn of the instantiation returning `Self`.
    pub fn from_two(a: f64, b: f64) -> Self {
        let mut s = Bag::new();
        s.put(a);
        s.put(b);
        s
    }

    /// Returns another `Bag<f64>` built with `Self`'s functions.
    pub fn doubled(&self) -> Bag<f64> {
        let mut out = Self::new();
        for x in self.items.iter() {
            out.put(*x * 2.0);
        }
        out
    }

    #[getter]
    pub fn total(&self) -> f64 {
        self.sum()
    }

    /// A generic method in an impl of one instantiation.
    pub fn with<U: Copy>(&self, u: U) -> (f64, U) {
        (self.sum(), u)
    }
}

#[jitclass]
impl Bag<i64> {
    pub fn sum(&self) -> i64 {
        let mut s = 0;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }

    /// Calls the other instantiation's function of the same name.
    pub fn as_floats(&self) -> Bag<f64> {
        let mut out: Bag<f64> = Bag::new();
        for x in self.items.iter() {
            out.put(*x as f64);
        }
        out
    }
}

/// Nested instantiation types.
#[jitclass]
impl Bag<Pair<i64, f64>> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for p in self.items.iter() {
            s += p.a as f64 + p.b;
        }
        s
    }
}

#[jitclass]
impl Bag<Vec<f64>> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for v in self.items.iter() {
            for x in v.iter() {
                s += *x;
            }
        }
        s
    }
}

#[jitclass]
impl Bag<Option<Circle>> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for c in self.items.iter() {
            if let Some(c) = c {
                s += c.radius();
            }
        }
        s
    }
}

#[jitclass]
impl Bag<Circle> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for c in self.items.iter() {
            s += c.radius();
        }
        s
    }
}

/// An operator impl of one instantiation.
#[jitclass]
pub struct V2<T> {
    pub x: T,
    pub y: T,
}

#[jitclass]
impl<T: Copy> V2<T> {
    pub fn new(x: T, y: T) -> Self {
        V2 { x, y }
    }
}

#[jitclass]
impl Add for V2<f64> {
    type Output = V2<f64>;
    fn add(self, other: V2<f64>) -> V2<f64> {
        V2 {
            x: self.x + other.x,
            y: self.y + other.y,
        }
    }
}

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn twice(&self) -> f64 {
        self.area() * 2.0
    }
}

#[jitclass]
pub struct Wrap<S> {
    inner: S,
}

#[jitclass]
impl<S: Copy> Wrap<S> {
    pub fn new(inner: S) -> Self {
        Wrap { inner }
    }
}

#[jitclass]
impl Shape for Wrap<f64> {
    fn area(&self) -> f64 {
        self.inner * 3.0
    }
}

#[jitclass]
impl Shape for Wrap<i64> {
    fn area(&self) -> f64 {
        self.inner as f64 + 0.5
    }
    fn twice(&self) -> f64 {
        -1.0
    }
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r * self.r
    }
}

/// Generic methods of a plain class, in every form the brief names.
#[jitclass]
pub struct Tool {
    k: i64,
}

#[jitclass]
impl Tool {
    pub fn new(k: i64) -> Tool {
        Tool { k }
    }

    pub fn ident<U>(&self, u: U) -> U {
        u
    }

    pub fn count_down<U: Copy>(&self, u: U, n: i64) -> U {
        if n <= 0 { u } else { self.count_down(u, n - 1) }
    }

    pub fn first_or<U: Copy>(&self, v: &Vec<U>, d: U) -> U {
        match v.first() {
            Some(x) => *x,
            None => d,
        }
    }

    pub fn both<U: Copy, W: Copy>(&self, u: U, w: W) -> (W, U, i64) {
        (w, u, self.k)
    }

    pub fn via_ident<U: Copy>(&self, u: U) -> (U, U) {
        (self.ident(u), self.count_down(u, self.k))
    }

    pub fn area_of<S: Shape>(&self, s: &S) -> f64 {
        s.area() * self.k as f64
    }

    pub fn drop_it<U>(&self, u: U) -> i64 {
        let _kept = u;
        self.k
    }

    pub fn pair_of<U: Copy>(u: U) -> (U, U) {
        (u, u)
    }

    pub fn checked<U>(&self, u: U, fail: bool) -> U {
        if fail {
            panic!("checked failed");
        }
        u
    }
}

/// A generic method of a generic class using both `T` and `U`.
#[jitclass]
pub struct Holder<T> {
    value: T,
}

#[jitclass]
impl<T: Copy> Holder<T> {
    pub fn new(value: T) -> Self {
        Holder { value }
    }

    pub fn zip<U: Copy>(&self, u: U) -> Pair<T, U> {
        Pair::new(self.value, u)
    }

    pub fn fill<U: Copy>(&self, u: U, n: usize) -> Vec<(T, U)> {
        let mut v = Vec::new();
        for _ in 0..n {
            v.push((self.value, u));
        }
        v
    }
}

#[jit]
fn instantiation_probe(n: i64) -> f64 {
    let mut b: Bag<f64> = Bag::new();
    let mut c: Bag<i64> = Bag::new();
    for i in 0..n {
        b.put(i as f64 * 0.25);
        c.put(i);
    }
    let two = Bag::<f64>::from_two(1.0, 2.0);
    let d = b.doubled();
    let e = c.as_floats();
    let (s, flag) = b.with(true);
    let mut out = b.sum() + c.sum() as f64 + two.sum() + d.sum() + e.sum() + b.total + s;
    if flag {
        out += 1.0;
    }
    out + 2.0
}

#[jit]
fn nested_probe(n: i64) -> f64 {
    let mut p: Bag<Pair<i64, f64>> = Bag::new();
    let mut v: Bag<Vec<f64>> = Bag::new();
    let mut o: Bag<Option<Circle>> = Bag::new();
    let mut c: Bag<Circle> = Bag::new();
    for i in 0..n {
        p.put(Pair::new(i, 0.5));
        v.put(vec![i as f64, 1.0]);
        if i % 2 == 0 {
            o.put(Some(Circle::new(i as f64)));
        } else {
            o.put(None);
        }
        c.put(Circle::new(1.5));
    }
    p.sum() + v.sum() + o.sum() + c.sum() + p.count() as f64
}

#[jit]
fn operator_probe(a: f64) -> f64 {
    let v = V2::new(a, 1.0) + V2::new(2.0, a);
    v.x * 10.0 + v.y
}

#[jit]
fn dyn_probe(x: f64, k: i64) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Wrap::new(x)),
        Box::new(Wrap::new(k)),
        Box::new(Circle::new(x)),
    ];
    let mut sum = 0.0;
    for s in &shapes {
        sum += s.area() + s.twice();
    }
    let a = Wrap::new(x);
    let b = Wrap::new(k);
    let r: &dyn Shape = &a;
    sum + r.area() + by_generic(&a) + by_generic(&b)
}

#[jit]
fn by_generic<S: Shape>(s: &S) -> f64 {
    s.area() * 100.0 + s.twice()
}

#[jit]
fn generic_method_probe(k: i64) -> f64 {
    let t = Tool::new(k);
    let v = vec![2.5, 3.5];
    let e: Vec<i64> = Vec::new();
    let (w, u, kk) = t.both(1.5, 7_u8);
    let (a, b) = t.via_ident(4_i64);
    let c = Circle::new(2.0);
    let kept = t.ident(Circle::new(3.0));
    let dropped = t.drop_it(Circle::new(4.0));
    let (p1, p2) = Tool::pair_of(0.25);
    let h = Holder::new(k);
    let z = h.zip(2.5);
    let filled = h.fill(true, 3);
    t.ident(1.5)
        + t.count_down(2.0, k)
        + t.first_or(&v, 0.0)
        + t.first_or(&e, -3) as f64
        + w as f64
        + u
        + kk as f64
        + (a + b) as f64
        + t.area_of(&c)
        + t.area_of(&Wrap::new(1.0))
        + kept.radius()
        + dropped as f64
        + p1
        + p2
        + z.a as f64
        + z.b
        + filled.len() as f64
}

#[jit]
fn generic_method_panics(k: i64) -> i64 {
    let t = Tool::new(k);
    let c = Circle::new(1.0);
    let kept = t.checked(Circle::new(2.0), k > 3);
    (c.radius() + kept.radius()) as i64
}

/// The same program compiled by rustc.
mod rust;

#[test]
fn review_instimpl_instantiation_functions_match_rust() {
    let _memory = memory_test();
    for n in [0, 1, 4, 9] {
        assert_eq!(
            instantiation_probe(n),
            rust::instantiation_probe(n),
            "n = {n}"
        );
        assert_eq!(nested_probe(n), rust::nested_probe(n), "n = {n}");
    }
    for a in [0.0, 1.5, -2.25] {
        assert_eq!(operator_probe(a), rust::operator_probe(a));
    }
    assert_no_leaks();
}

#[test]
fn review_instimpl_trait_of_one_instantiation_through_dyn_and_generics() {
    let _memory = memory_test();
    for (x, k) in [(0.0, 0), (1.5, 3), (-2.0, -7)] {
        assert_eq!(dyn_probe(x, k), rust::dyn_probe(x, k));
    }
    assert_no_leaks();
}

#[test]
fn review_instimpl_generic_methods_match_rust() {
    let _memory = memory_test();
    for k in [0, 1, 3] {
        assert_eq!(
            generic_method_probe(k),
            rust::generic_method_probe(k),
            "k = {k}"
        );
    }
    assert_no_leaks();
}

#[test]
fn review_instimpl_panic_in_generic_method_frees_instances() {
    let _memory = memory_test();
    assert_eq!(generic_method_panics(1), rust::generic_method_panics(1));
    let message = panic_message(|| generic_method_panics(5));
    assert!(message.contains("checked failed"), "{message}");
    assert_no_leaks();
}

#[test]
fn review_instimpl_rust_calls_match() {
    let _memory = memory_test();
    {
        let mut b: Bag<f64> = Bag::new();
        let mut r: rust::Bag<f64> = rust::Bag::new();
        for x in [1.0, 2.5] {
            b.put(x);
            r.put(x);
        }
        assert_eq!(b.sum(), r.sum());
        assert_eq!(b.total(), r.total());
        assert_eq!(b.with('q'), r.with('q'));
        assert_eq!(b.doubled().sum(), r.doubled().sum());
        assert_eq!(Bag::<f64>::from_two(3.0, 4.0).sum(), 14.0);
        assert_eq!(Bag::<f64>::SCALE, 2.0);
        let mut c: Bag<i64> = Bag::new();
        c.put(5);
        assert_eq!(c.sum(), 5);
        assert_eq!(c.as_floats().sum(), 10.0);
        let t = Tool::new(2);
        let rt = rust::Tool::new(2);
        assert_eq!(t.both(1_i8, 2.5), rt.both(1_i8, 2.5));
        assert_eq!(t.count_down::<u16>(9, 4), rt.count_down::<u16>(9, 4));
        assert_eq!(t.first_or(&vec![1_i32, 2], 0), 1);
        assert_eq!(Tool::pair_of(true), (true, true));
        assert_eq!(t.drop_it(Circle::new(1.0)), 2);
        assert_eq!(t.ident(Circle::new(1.25)).radius(), 1.25);
        use Shape as _;
        assert_eq!(
            t.area_of(&Wrap::new(2_i64)),
            rt.area_of(&rust::Wrap::new(2_i64))
        );
        assert_eq!(Wrap::new(2_i64).twice(), -1.0);
        let v = V2::new(1.0, 2.0) + V2::new(0.5, 0.5);
        assert_eq!((v.x(), v.y()), (1.5, 2.5));
        let h = Holder::new(3_u8);
        let z = h.zip(false);
        assert_eq!((z.a(), z.b()), (3, false));
    }
    assert_no_leaks();
}
