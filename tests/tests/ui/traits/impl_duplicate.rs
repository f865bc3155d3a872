// The same trait implemented twice for a class: rustc's E0119 alone (conflicting
// implementations of trait `Shape` for type `Circle`).
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
impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r
    }
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        2.0 * self.r
    }
}

fn main() {}
