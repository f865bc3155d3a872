// Bounded generic bodies whose errors could name the shadow's machinery (review of generic
// shadows): a missing method or field of a generic class's view, a method of an impl with
// stronger bounds, a callee's bound unmet, a static fn of a parameter lacking the trait, a
// wrong number of arguments, a value of the wrong type in an instantiation impl.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn unit() -> Self;
}

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy + PartialOrd> Bag<T> {
    pub fn biggest(&self) -> T {
        let mut m = self.items[0];
        for i in 0..self.items.len() {
            if self.items[i] > m {
                m = self.items[i];
            }
        }
        m
    }
}

#[jitclass]
impl<T: Copy> Bag<T> {
    pub fn first(&self) -> T {
        self.items[0]
    }
    pub fn no_such_method(&self) -> usize {
        self.nope()
    }
    pub fn no_such_field(&self) -> usize {
        self.count
    }
    pub fn stronger_impl(&self) -> T {
        self.biggest()
    }
}

#[jitclass]
impl Bag<f64> {
    pub fn as_text(&self) -> String {
        self.items[0]
    }
}

#[jit]
fn add2<T: Copy + std::ops::Add<Output = T>>(a: T, b: T) -> T {
    a + b
}

#[jit]
fn callee_bound<T: Copy>(x: T) -> T {
    add2(x, x)
}

#[jit]
fn arity<T: Copy + std::ops::Add<Output = T>>(x: T) -> T {
    add2(x)
}

#[jit]
fn static_without_trait<T: Copy>() -> T {
    T::unit()
}

#[jit]
fn area_of<S: Shape>(s: &S) -> f64 {
    s.area()
}

#[jit]
fn not_a_shape<T: Copy>(x: &T) -> f64 {
    area_of(x)
}

fn main() {}
