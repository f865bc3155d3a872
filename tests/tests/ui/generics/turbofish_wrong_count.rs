// A turbofish gives as many types as the callee declares: rustc's E0107, at build time,
// for a fn, a method and an associated function, also in a generic body.
use jitclass::{jit, jitclass};

#[jit]
fn fresh<T: Default>() -> T {
    T::default()
}

#[jitclass]
pub struct Chooser {
    bias: f64,
}

#[jitclass]
impl Chooser {
    pub fn new(bias: f64) -> Chooser {
        Chooser { bias }
    }

    pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
        if self.bias > 0.0 { a } else { b }
    }
}

#[jit]
fn too_many() -> f64 {
    fresh::<f64, i64>()
}

#[jit]
fn method_too_many() -> i64 {
    let c = Chooser::new(1.0);
    c.pick::<i64, i64>(1, 2)
}

#[jit]
fn in_generic_body<T>(x: T) -> T {
    let _ = fresh::<i64, T>();
    x
}

fn main() {}
