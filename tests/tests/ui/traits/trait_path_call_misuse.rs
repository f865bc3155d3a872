// `Trait::f(&x)` outside a bound: rustc's errors, at the user's tokens, for a class that
// does not implement the trait (E0277) and a function the trait lacks (rustc's E0782, as
// for the same plain Rust: it reads `Shape` as a type then).
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

#[jitclass]
pub struct Plain {
    x: f64,
}

#[jit]
fn not_implemented(x: f64) -> f64 {
    let p = Plain { x };
    Shape::area(&p)
}

#[jit]
fn not_in_the_trait(r: f64) -> f64 {
    let c = Circle { r };
    Shape::perimeter(&c)
}

fn main() {}
