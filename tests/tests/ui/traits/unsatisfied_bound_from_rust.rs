use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
pub struct Square {
    side: f64,
}

#[jit]
fn total<S: Shape>(xs: &[S]) -> f64 {
    let mut t = 0.0;
    for x in xs {
        t += x.area();
    }
    t
}

fn check(xs: &[Square]) -> f64 {
    total(xs)
}

fn main() {}
