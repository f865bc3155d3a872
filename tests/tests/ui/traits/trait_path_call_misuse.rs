// `Trait::f(&x)` outside a bound: rustc's errors at the user's tokens: a class without the
// impl (E0277), a function the trait lacks (E0782, as rustc says for the same plain Rust).
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
