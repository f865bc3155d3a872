//! The program of the review compiled by rustc, to compare jit results with.

use std::ops::Add;

pub struct Circle {
    r: f64,
}

impl Circle {
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
    pub fn radius(&self) -> f64 {
        self.r
    }
}

pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

impl<A, B> Pair<A, B> {
    pub fn new(a: A, b: B) -> Self {
        Pair { a, b }
    }
}

pub struct Bag<T> {
    items: Vec<T>,
}

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

impl Bag<f64> {
    pub const SCALE: f64 = 2.0;
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for x in self.items.iter() {
            s += *x;
        }
        s * Self::SCALE
    }
    pub fn from_two(a: f64, b: f64) -> Self {
        let mut s = Bag::new();
        s.put(a);
        s.put(b);
        s
    }
    pub fn doubled(&self) -> Bag<f64> {
        let mut out = Self::new();
        for x in self.items.iter() {
            out.put(*x * 2.0);
        }
        out
    }
    pub fn total(&self) -> f64 {
        self.sum()
    }
    pub fn with<U: Copy>(&self, u: U) -> (f64, U) {
        (self.sum(), u)
    }
}

impl Bag<i64> {
    pub fn sum(&self) -> i64 {
        let mut s = 0;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }
    pub fn as_floats(&self) -> Bag<f64> {
        let mut out: Bag<f64> = Bag::new();
        for x in self.items.iter() {
            out.put(*x as f64);
        }
        out
    }
}

impl Bag<Pair<i64, f64>> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for p in self.items.iter() {
            s += p.a as f64 + p.b;
        }
        s
    }
}

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

impl Bag<Option<Circle>> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for c in self.items.iter().flatten() {
            s += c.radius();
        }
        s
    }
}

impl Bag<Circle> {
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for c in self.items.iter() {
            s += c.radius();
        }
        s
    }
}

pub struct V2<T> {
    pub x: T,
    pub y: T,
}

impl<T: Copy> V2<T> {
    pub fn new(x: T, y: T) -> Self {
        V2 { x, y }
    }
}

impl Add for V2<f64> {
    type Output = V2<f64>;
    fn add(self, other: V2<f64>) -> V2<f64> {
        V2 {
            x: self.x + other.x,
            y: self.y + other.y,
        }
    }
}

pub trait Shape {
    fn area(&self) -> f64;
    fn twice(&self) -> f64 {
        self.area() * 2.0
    }
}

pub struct Wrap<S> {
    inner: S,
}

impl<S: Copy> Wrap<S> {
    pub fn new(inner: S) -> Self {
        Wrap { inner }
    }
}

impl Shape for Wrap<f64> {
    fn area(&self) -> f64 {
        self.inner * 3.0
    }
}

impl Shape for Wrap<i64> {
    fn area(&self) -> f64 {
        self.inner as f64 + 0.5
    }
    fn twice(&self) -> f64 {
        -1.0
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r * self.r
    }
}

pub struct Tool {
    k: i64,
}

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
    pub fn first_or<U: Copy>(&self, v: &[U], d: U) -> U {
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

pub struct Holder<T> {
    value: T,
}

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

pub fn instantiation_probe(n: i64) -> f64 {
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
    let mut out = b.sum() + c.sum() as f64 + two.sum() + d.sum() + e.sum() + b.total() + s;
    if flag {
        out += 1.0;
    }
    out + 2.0
}

pub fn nested_probe(n: i64) -> f64 {
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

pub fn operator_probe(a: f64) -> f64 {
    let v = V2::new(a, 1.0) + V2::new(2.0, a);
    v.x * 10.0 + v.y
}

pub fn dyn_probe(x: f64, k: i64) -> f64 {
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

pub fn by_generic<S: Shape>(s: &S) -> f64 {
    s.area() * 100.0 + s.twice()
}

pub fn generic_method_probe(k: i64) -> f64 {
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

pub fn generic_method_panics(k: i64) -> i64 {
    let t = Tool::new(k);
    let c = Circle::new(1.0);
    let kept = t.checked(Circle::new(2.0), k > 3);
    (c.radius() + kept.radius()) as i64
}
