// A trait with a method returning `Self` (without `where Self: Sized`) cannot be a trait
// object: rustc's E0038 at the `dyn Shape` of a jit parameter's type and at the one in a
// jit body's `Vec<Box<dyn Shape>>`.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn doubled(&self) -> Self;
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn doubled(&self) -> Self {
        Circle { r: 2.0 * self.r }
    }
}

#[jit]
fn area_of(s: &dyn Shape) -> f64 {
    s.area()
}

#[jit]
fn total() -> f64 {
    let shapes: Vec<Box<dyn Shape>> = Vec::new();
    shapes.len() as f64
}

fn main() {
    let _ = (area_of, total);
}
