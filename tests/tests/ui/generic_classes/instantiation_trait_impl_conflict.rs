// A `#[jit] trait` impl of one instantiation beside one for every instantiation:
// rustc's E0119.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Twice<S> {
    inner: S,
}

#[jitclass]
impl<S: Copy> Shape for Twice<S> {
    fn area(&self) -> f64 {
        2.0
    }
}

#[jitclass]
impl Shape for Twice<f64> {
    fn area(&self) -> f64 {
        self.inner * 2.0
    }
}

fn main() {}
