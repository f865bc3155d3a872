// `Twice<Plain>` where `Shape` is required, `Plain` not implementing the bound of
// `impl<S: Shape> Shape for Twice<S>`: rustc's E0277.
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
fn total<S: Shape>(s: S) -> f64 {
    s.area()
}

#[jit]
fn twice_plain(x: f64) -> f64 {
    let t: Twice<Plain> = Twice { inner: Plain { x } };
    total(t)
}

fn main() {}
