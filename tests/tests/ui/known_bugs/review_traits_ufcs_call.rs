// `Shape::area(&c)` in jit code: rustc builds it (2.0); the book lists it as not yet (the
// qualified `<Circle as Shape>::area(&c)` works), but the refusal is rustc's E0782
// "expected a type, found a trait" with the help to write `dyn Shape::area(&c)`, which
// is no help.
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
        self.r
    }
}

#[jit]
fn ufcs(r: f64) -> f64 {
    let c = Circle { r };
    Shape::area(&c) + <Circle as Shape>::area(&c)
}

fn main() {
    assert_eq!(ufcs(1.0), 2.0);
}
