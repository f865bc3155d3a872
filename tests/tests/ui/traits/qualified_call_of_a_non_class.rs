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

#[jit]
fn f(x: f64) -> f64 {
    <[f64] as Shape>::area(x)
}

fn main() {}
