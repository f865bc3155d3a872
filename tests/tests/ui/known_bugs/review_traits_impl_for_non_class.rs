// A `#[jitclass]` impl of a `#[jit]` trait for `i64` and for a plain struct.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

pub struct Plain {
    r: f64,
}

#[jitclass]
impl Shape for i64 {
    fn area(&self) -> f64 {
        1.0
    }
}

#[jitclass]
impl Shape for Plain {
    fn area(&self) -> f64 {
        self.r
    }
}

fn main() {}
