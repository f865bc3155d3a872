// Valid generic Rust with written bounds: each body gets a shadow, which must accept what
// rustc accepts.
use jitclass::{jit, jitclass};
use std::collections::HashMap;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, by: f64);
    fn unit() -> Self;
}

#[jitclass]
pub struct Sq {
    s: f64,
}

#[jitclass]
impl Shape for Sq {
    fn area(&self) -> f64 {
        self.s * self.s
    }
    fn grow(&mut self, by: f64) {
        self.s += by;
    }
    fn unit() -> Self {
        Sq { s: 1.0 }
    }
}

#[jit]
fn sum_copy<T: Copy + std::ops::Add<Output = T>>(a: T, b: T) -> T {
    a + b
}

#[jit]
fn max_of<T>(xs: &[T]) -> T
where
    T: Copy + PartialOrd,
{
    let mut m = xs[0];
    for i in 1..xs.len() {
        if xs[i] > m {
            m = xs[i];
        }
    }
    m
}

#[jit]
fn total_area<S: Shape>(xs: &[S]) -> f64 {
    let mut t = 0.0;
    for x in xs {
        t += x.area();
    }
    t
}

#[jit]
fn grow_all<S: Shape>(xs: &mut [S], by: f64) {
    for x in xs.iter_mut() {
        x.grow(by);
    }
}

#[jit]
fn make_unit<S: Shape>() -> S {
    S::unit()
}

#[jit]
fn first_or<S: Shape>(v: &Vec<S>) -> f64 {
    match v.first() {
        Some(s) => s.area(),
        None => 0.0,
    }
}

#[jit]
fn opt_area<S: Shape>(o: Option<S>) -> f64 {
    if let Some(s) = o { s.area() } else { -1.0 }
}

#[jit]
fn ref_area<S: Shape>(s: &S, t: &S) -> f64 {
    s.area() + t.area()
}

#[jit]
fn grow_ref<S: Shape>(s: &mut S) -> f64 {
    s.grow(1.0);
    s.area()
}

#[jit]
fn defaulted<T: Default + Copy>() -> T {
    T::default()
}

#[jit]
fn clone_vec<T: Clone>(v: &Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for x in v.iter() {
        out.push(x.clone());
    }
    out
}

#[jit]
fn sort_copy<T: Copy + PartialOrd>(v: &mut Vec<T>) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
}

#[jit]
fn count_map<K: Copy + std::hash::Hash + Eq>(xs: &[K]) -> usize {
    let mut m: HashMap<K, i64> = HashMap::new();
    for i in 0..xs.len() {
        *m.entry(xs[i]).or_insert(0) += 1;
    }
    m.len()
}

#[jit]
fn show<T: std::fmt::Display>(x: T) -> String {
    format!("<{}>", x)
}

#[jit]
fn debug_it<T: std::fmt::Debug>(x: T) -> String {
    format!("{:?}", x)
}

#[jit]
fn mixed<A: Copy + std::ops::Mul<Output = A>, B: Shape>(a: A, b: &B) -> (A, f64) {
    (a * a, b.area())
}

#[jit]
fn with_lifetime<'a, S: Shape>(s: &'a S) -> f64 {
    s.area()
}


#[jit]
fn nested_call<T: Copy + std::ops::Add<Output = T>>(a: T) -> T {
    sum_copy(a, a)
}

#[jit]
fn closure_sum<T: Copy + PartialOrd + std::ops::Add<Output = T>>(a: T, b: T) -> T {
    let mut v = vec![a, b];
    v.sort_by(|x, y| y.partial_cmp(x).unwrap());
    v[0] + v[1]
}

#[jit]
fn strings<T: std::fmt::Display>(xs: &[T]) -> String {
    let mut s = String::new();
    for x in xs {
        s.push_str(&format!("{},", x));
    }
    s
}

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
    best: Option<T>,
}

#[jitclass]
impl<T: Copy + PartialOrd> Bag<T> {
    pub fn new() -> Self {
        Bag { items: Vec::new(), best: None }
    }
    pub fn add(&mut self, x: T) {
        self.items.push(x);
        match self.best {
            Some(b) => {
                if b < x {
                    self.best = Some(x);
                }
            }
            None => self.best = Some(x),
        }
    }
    pub fn top(&self) -> Option<T> {
        self.best
    }
    pub fn merge(&mut self, other: &Bag<T>) {
        for i in 0..other.items.len() {
            self.add(other.items[i]);
        }
    }
    pub fn map_len<U: Copy>(&self, u: U) -> (usize, U) {
        (self.items.len(), u)
    }
}

#[jitclass]
pub struct Node<T> {
    pub value: T,
    pub next: Option<Node<T>>,
}

#[jitclass]
impl<T: Copy + std::ops::Add<Output = T>> Node<T> {
    pub fn new(value: T) -> Self {
        Node { value, next: None }
    }
    pub fn cons(value: T, next: Node<T>) -> Node<T> {
        Node { value, next: Some(next) }
    }
    pub fn sum(&self) -> T {
        match self.next.clone() {
            Some(n) => self.value + n.sum(),
            None => self.value,
        }
    }
}

#[jitclass]
pub struct Holder<S> {
    s: S,
}

#[jitclass]
impl<S> Holder<S>
where
    S: Shape,
{
    pub fn new(s: S) -> Self {
        Holder { s }
    }
    pub fn area(&self) -> f64 {
        self.s.area()
    }
    pub fn grow(&mut self) {
        self.s.grow(2.0);
    }
}

#[jitclass]
impl Bag<f64> {
    pub fn mean(&self) -> f64 {
        let mut t = 0.0;
        for x in &self.items {
            t += *x;
        }
        t / self.items.len() as f64
    }
}

#[jitclass]
pub struct Keyed<K, V> {
    m: HashMap<K, V>,
}

#[jitclass]
impl<K: Copy + std::hash::Hash + Eq, V: Copy + Default + std::ops::AddAssign> Keyed<K, V> {
    pub fn new() -> Self {
        Keyed { m: HashMap::new() }
    }
    pub fn add(&mut self, k: K, v: V) {
        *self.m.entry(k).or_insert(V::default()) += v;
    }
    pub fn get(&self, k: K) -> V {
        match self.m.get(&k) {
            Some(v) => *v,
            None => V::default(),
        }
    }
}

const LIMIT: i64 = 3;

#[jit]
fn capped<T: Copy + Into<i64>>(x: T) -> i64 {
    let v: i64 = x.into();
    if v > LIMIT { LIMIT } else { v }
}

fn main() {}
