// `dyn Shape` values (dynamic dispatch) are not supported in jit code yet, for a trait
// that can be one: said at the `dyn` of `Box<dyn Shape>` (not at `Box`) and of
// `&dyn Shape`, with static dispatch as the way that works. rustc builds both.
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
fn area_of(s: &dyn Shape) -> f64 {
    s.area()
}

#[jit]
fn total() -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.0 })];
    let mut t = 0.0;
    for s in &shapes {
        t += s.area();
    }
    t
}

fn main() {
    let _ = (area_of, total);
}
