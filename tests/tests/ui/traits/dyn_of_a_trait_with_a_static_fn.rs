// A trait with a static function (no `self`, no `where Self: Sized`) cannot be a trait
// object: rustc's E0038 at the `dyn Shape` a jit body writes, as for one in a signature.
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
fn area_of_one() -> f64 {
    let s: Box<dyn Shape> = Box::new(Circle { r: 1.0 });
    s.area()
}

fn main() {
    let _ = area_of_one;
}
