// A function without `self` (bounded `where Self: Sized`, so `Shape` is dyn compatible)
// called as a method of a `Box<dyn Shape>`: rustc's E0599.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn unit() -> Self
    where
        Self: Sized;
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
    fn unit() -> Self {
        Circle { r: 1.0 }
    }
}

#[jit]
fn area() -> f64 {
    let s: Box<dyn Shape> = Box::new(Circle { r: 1.0 });
    s.unit();
    s.area()
}

fn main() {
    let _ = area;
}
