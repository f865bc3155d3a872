// `impl Shape for Twice<f64>` makes `Twice<f64>: Shape` true and `Twice<i64>: Shape`
// false: rustc's E0277 where the bound is required, E0599 for the method.
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
impl<S: Copy> Twice<S> {
    pub fn new(inner: S) -> Self {
        Twice { inner }
    }
}

#[jitclass]
impl Shape for Twice<f64> {
    fn area(&self) -> f64 {
        self.inner * 2.0
    }
}

#[jit]
fn total<S: Shape>(s: &S) -> f64 {
    s.area()
}

#[jit]
fn in_jit_code() -> f64 {
    let t = Twice::new(1_i64);
    total(&t) + t.area()
}

fn main() {
    total(&Twice::new(2_i64));
}
