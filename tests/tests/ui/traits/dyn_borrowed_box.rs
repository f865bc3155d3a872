// `&b` of a `Box<dyn Shape>` where a `&dyn Shape` is expected: rustc's E0277 (the cast
// asks for `Box<dyn Shape>: Shape`); `&*b` or `b.as_ref()` lends the trait object.
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
fn lent(c: Circle) -> f64 {
    let b: Box<dyn Shape> = Box::new(c);
    let s: &dyn Shape = &b;
    s.area()
}

fn main() {
    let _ = lent;
}
