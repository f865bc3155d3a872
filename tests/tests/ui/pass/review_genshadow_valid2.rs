// More valid generic Rust with written bounds (review of generic shadows): a derive over a
// generic class compared in a generic body, a `&mut [S]` loop, an instantiation impl
// calling the generic impl's method.
use jitclass::{jit, jitclass};

#[jit]
fn boxed_area<T: Copy + Into<f64>>(x: T) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Sq { s: 2.0 })];
    shapes[0].area() + x.into()
}

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, by: f64);
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
}

#[jit]
fn grow_slice<S: Shape>(xs: &mut [S]) -> f64 {
    let mut t = 0.0;
    for x in xs.iter_mut() {
        x.grow(1.0);
        t += x.area();
    }
    t
}

#[jit]
fn pick<S: Shape>(v: &mut Vec<S>, s: S) -> f64 {
    v.push(s);
    let n = v.len();
    v[n - 1].area()
}

#[jitclass]
#[derive(PartialEq)]
pub struct Pt<T> {
    pub x: T,
    pub y: T,
}

#[jitclass]
impl<T: Copy + PartialEq + std::ops::Add<Output = T>> Pt<T> {
    pub fn new(x: T, y: T) -> Self {
        Pt { x, y }
    }
    pub fn same(&self, o: &Pt<T>) -> bool {
        self.clone() == o.clone()
    }
    pub fn sum(&self) -> T {
        self.x + self.y
    }
    pub fn shifted(&self, d: T) -> Pt<T> {
        Pt::new(self.x + d, self.y + d)
    }
}

#[jitclass]
impl Pt<f64> {
    pub fn norm1(&self) -> f64 {
        self.sum().abs()
    }
}

#[jit]
fn pt_eq<T: Copy + PartialEq + std::ops::Add<Output = T>>(a: &Pt<T>, b: &Pt<T>) -> bool {
    a.same(b) && a.clone() == b.clone()
}

fn main() {}
