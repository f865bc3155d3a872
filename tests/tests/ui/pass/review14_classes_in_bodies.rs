//! Programs that must keep compiling with the shadow (review of issue 14): class values
//! moved and cloned, `self` passed on, `Option`s, tuples and slices of instances, fields of
//! fields, properties, operator and `Index` impls, `PassThru`, `objmode!`, fn pointers,
//! labels, the panic and assert macros, raw identifiers, generic callees, `for` over a
//! tuple of instances.
#![allow(dead_code)]
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Node {
    value: i64,
    next: Option<Node>,
}

#[jitclass]
impl Node {
    pub fn new(value: i64, next: Option<Node>) -> Node {
        Node { value, next }
    }
    pub fn sum(&self) -> i64 {
        let mut total = self.value;
        let mut cur = self.next.clone();
        while let Some(n) = cur {
            total += n.value;
            cur = n.next.clone();
        }
        total
    }
    // self passed by value to a jit fn
    pub fn via_fn(&self) -> i64 {
        node_value(self.clone())
    }
    pub fn via_self(&self) -> i64 {
        Self::static_value(self.clone())
    }
    pub fn static_value(n: Node) -> i64 {
        n.value
    }
    pub fn bump(&mut self) {
        self.value += 1;
    }
}

#[jit]
fn node_value(n: Node) -> i64 {
    n.value
}

#[jit]
fn tuple_of(a: Node, b: Node) -> i64 {
    let t = (a, b);
    t.0.value + t.1.value
}

#[jit]
fn fields_of_fields(mut a: Node) -> i64 {
    if let Some(n) = a.next.clone() { let mut n = n; n.value += 1; }
    a.next = None;
    a.value
}

#[jitclass]
pub struct Inner { c: f64 }
#[jitclass]
pub struct Outer { b: Inner }

#[jit]
fn deep_field(a: Outer) -> f64 {
    let mut a = a;
    a.b.c += 1.0;
    a.b.c = a.b.c * 2.0;
    a.b.c
}




// ---- operators, properties, slices, PassThru, objmode, fn pointers
use jitclass::{PassThru, objmode};
use std::ops::{Add, Index, IndexMut, Neg, AddAssign};

#[jitclass]
pub struct V2 { x: f64, y: f64 }

#[jitclass]
impl V2 {
    pub fn new(x: f64, y: f64) -> Self { Self { x, y } }
    #[getter]
    pub fn norm2(&self) -> f64 { self.x * self.x + self.y * self.y }
    #[setter]
    pub fn set_both(&mut self, v: f64) { self.x = v; self.y = v; }
    pub fn doubled(&self) -> Self { Self::new(self.x * 2.0, self.y * 2.0) }
    pub fn sum_with(&self, o: V2) -> f64 { self.x + o.x }
}

#[jitclass]
impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 { V2::new(self.x + o.x, self.y + o.y) }
}
#[jitclass]
impl Neg for V2 {
    type Output = Self;
    fn neg(self) -> Self { Self::new(-self.x, -self.y) }
}
#[jitclass]
impl AddAssign<f64> for V2 {
    fn add_assign(&mut self, k: f64) { self.x += k; self.y += k; }
}
#[jitclass]
impl Index<usize> for V2 {
    type Output = f64;
    fn index(&self, i: usize) -> &f64 { if i == 0 { &self.x } else { &self.y } }
}
#[jitclass]
impl IndexMut<usize> for V2 {
    fn index_mut(&mut self, i: usize) -> &mut f64 { if i == 0 { &mut self.x } else { &mut self.y } }
}

#[jit]
fn props(mut v: V2) -> f64 {
    v.both = 3.0;
    let n = v.norm2;
    n + v.doubled().x + v.doubled().norm2
}

#[jit]
fn ops(a: V2, b: V2) -> f64 {
    let c = a.clone() + b.clone();
    let d = -c;
    let mut e = d.clone();
    e += 1.0;
    e[0] += 2.0;
    e[1] = 5.0;
    let s = e[0] + e[1];
    s + a.sum_with(b)
}

#[jit]
fn slice_of(vs: &[V2]) -> f64 {
    let mut t = 0.0;
    for v in vs {
        t += v.x;
    }
    for i in 0..vs.len() {
        t += vs[i].y;
        let v = vs[i].clone();
        t += v.norm2;
    }
    t
}

#[jit]
fn slice_mut(vs: &mut [V2]) {
    for i in 0..vs.len() {
        vs[i].x += 1.0;
        vs[i] = V2::new(1.0, 2.0);
    }
}

#[jit]
fn opts(o: Option<V2>) -> f64 {
    let t = match o.clone() {
        Some(v) => v.x,
        None => 0.0,
    };
    if let Some(v) = o { t + v.y } else { t }
}

#[jit]
fn opt_unwrap(o: Option<V2>) -> f64 {
    let v = o.clone().unwrap();
    v.x + if o.is_some() { 1.0 } else { 0.0 }
}

const K: f64 = 2.5;
#[jit]
fn consts(v: V2) -> f64 {
    let v = v.x * 2.5;
    let v = v + 1.0; // shadowing
    v
}

#[jit]
fn labels(n: i64) -> i64 {
    let mut c = 0;
    'outer: for i in 0..n {
        'inner: loop {
            c += i;
            if c > 100 { break 'outer; }
            break 'inner;
        }
    }
    c
}

#[jit]
fn macros(v: V2) -> f64 {
    assert!(v.x >= 0.0, "x was {}", v.x);
    assert_eq!(v.y, v.y);
    if v.x > 1e9 { panic!("too big: {}", v.x); }
    let m = v.x < 1.0;
    if m { 1.0 } else { 0.0 }
}

#[jit]
fn raw_ident(r#type: i64) -> i64 { r#type + 1 }

pub struct Doc { pub n: i64 }
#[jit]
fn pass(d: PassThru<Doc>, e: PassThru<Doc>) -> PassThru<Doc> {
    let same = d == e;
    let c = objmode!(|d: PassThru<Doc>| -> i64 { d.n });
    if same && c > 0 { d } else { e }
}

#[jit]
fn fnptr(f: extern "C" fn(f64) -> f64, v: V2) -> f64 {
    let g = f;
    g(v.x) + f(v.y)
}

#[jit]
fn generic_caller<T>(x: T) -> T { x }
#[jit]
fn calls_generic(v: V2) -> f64 {
    generic_caller(v.x) + generic_caller(v).y
}
#[jit]
fn tuple_loop(a: V2, b: V2) -> f64 {
    let mut t = 0.0;
    for v in (a, b) { t += v.x; }
    t
}


fn main() {}
