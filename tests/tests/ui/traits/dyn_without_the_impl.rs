// A class put in a `Box<dyn Shape>` without an impl of `Shape`: rustc's E0277 at the
// `Box::new`, as rustc builds the same code.
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

#[jitclass]
pub struct Square {
    s: f64,
}

#[jit]
fn total() -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.0 }), Box::new(Square { s: 2.0 })];
    let mut t = 0.0;
    for s in &shapes {
        t += s.area();
    }
    t
}

fn main() {
    let _ = total;
}
