// A trait method called on `Twice<Plain>`, whose impl's bound `S: Shape` fails: rustc's
// E0599.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Plain {
    x: f64,
}

#[jitclass]
pub struct Twice<S> {
    inner: S,
}

#[jitclass]
impl<S: Shape> Shape for Twice<S> {
    fn area(&self) -> f64 {
        self.inner.area() * 2.0
    }
}

#[jit]
fn twice_plain(x: f64) -> f64 {
    let t: Twice<Plain> = Twice { inner: Plain { x } };
    t.area()
}

fn main() {}
