// A trait's static function called through a generic parameter bounded by the trait:
// rustc builds it (`unit_area::<Circle>()` is 3.0); jit code does not yet, and says so at
// the parameter (it said "cannot find type `S` in this scope", review of issue 17).
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn unit() -> Self;
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
fn unit_area<S: Shape>() -> f64 {
    S::unit().area()
}

fn main() {
    assert_eq!(unit_area::<Circle>(), 3.0);
}
