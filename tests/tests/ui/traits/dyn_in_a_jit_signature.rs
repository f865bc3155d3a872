// A trait object does not cross between Rust and jit code: `&dyn Shape` as a `#[jit]`
// fn's parameter and `Box<dyn Shape>` as its result are refused at their `dyn`, with a
// generic parameter as the way that works. rustc builds both.
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
fn area_of(s: &dyn Shape) -> f64 {
    s.area()
}

#[jit]
fn make(r: f64) -> Box<dyn Shape> {
    Box::new(Circle { r })
}

fn main() {
    let _ = (area_of, make);
}
