// A `&mut self` method through a `&dyn Shape`: rustc's E0596.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
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
    fn grow(&mut self, k: f64) {
        self.r *= k;
    }
}

#[jit]
fn grown(c: Circle) -> f64 {
    let s: &dyn Shape = &c;
    s.grow(2.0);
    s.area()
}

fn main() {
    let _ = grown;
}
