// `Box::new(c)` whose use names no trait object: rustc would make a `Box<Circle>`, which
// jit code does not have (its `Box` holds only trait objects): said at `Box::new`, with
// the annotation that works.
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
        3.0 * self.r * self.r
    }
}

#[jit]
fn area() -> f64 {
    let b = Box::new(Circle { r: 1.0 });
    b.area()
}

fn main() {
    let _ = area;
}
