// The same `#[jit] trait` implemented twice for a generic class: rustc's E0119.
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
    fn area(&self) -> f64 {
        self.width
    }
}

#[jitclass]
impl<T: Copy> Shape for Strip<T> {
    fn area(&self) -> f64 {
        2.0 * self.width
    }
}

fn main() {}
