// Misuses of generic methods and of an instantiation's functions in jit code that rustc
// refuses at build time: a generic method's unmet `#[jit] trait` bound (E0277), a wrong
// argument type for a function of one instantiation (E0308), a function of one
// instantiation called as a static fn of another (E0599).
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
}

#[jitclass]
pub struct Tool {
    k: i64,
}

#[jitclass]
impl Tool {
    pub fn new(k: i64) -> Tool {
        Tool { k }
    }

    pub fn area_of<S: Shape>(&self, s: &S) -> f64 {
        s.area() * self.k as f64
    }
}

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Bag<T> {
    pub fn new() -> Self {
        Bag { items: Vec::new() }
    }
}

#[jitclass]
impl Bag<f64> {
    pub fn scale(&mut self, k: f64) {
        for x in self.items.iter_mut() {
            *x *= k;
        }
    }

    pub fn of_one(x: f64) -> Self {
        Bag { items: vec![x] }
    }
}

#[jit]
fn unmet_bound() -> f64 {
    let t = Tool::new(2);
    t.area_of(&Circle::new(1.0))
}

#[jit]
fn wrong_argument() {
    let mut b: Bag<f64> = Bag::new();
    b.scale(2_i64);
}

#[jit]
fn static_of_another() -> usize {
    let b = Bag::<i64>::of_one(1.0);
    b.items.len()
}

fn main() {
    let t = Tool::new(1);
    t.area_of(&Circle::new(1.0));
    let mut b: Bag<f64> = Bag::new();
    b.scale(2_i64);
    Bag::<i64>::of_one(1.0);
}
