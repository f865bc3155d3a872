// A `#[jitclass]` impl of a `#[jit]` trait for a type that can be no class (a primitive, a
// tuple): one error each, at the type; the impls stay Rust impls of the trait.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
impl Shape for i64 {
    fn area(&self) -> f64 {
        1.0
    }
}

#[jitclass]
impl Shape for (i64, f64) {
    fn area(&self) -> f64 {
        self.1
    }
}

fn main() {
    assert_eq!(3_i64.area(), 1.0);
}
