// A generic class's impl of a `#[jit] trait` without a required method: rustc's E0046.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
}

#[jitclass]
pub struct Strip<T> {
    items: Vec<T>,
    width: f64,
}

#[jitclass]
impl<T: Copy> Shape for Strip<T> {
    fn scaled(&self, k: f64) -> f64 {
        self.width * k
    }
}

fn main() {}
