// A generic class's impl of a `#[jit] trait` with a method the trait lacks: rustc's E0407.
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
        self.width * self.items.len() as f64
    }
    fn perimeter(&self) -> f64 {
        self.width
    }
}

fn main() {}
