// A class without `Default` passed, as a local, to a generic fn needing `T: Default`:
// rustc's E0277 at the argument.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Plain {
    x: f64,
}

#[jit]
fn fresh<T: Default>(_like: T) -> T {
    T::default()
}

#[jit]
fn caller(x: f64) -> f64 {
    let q = Plain { x };
    let p = fresh(q);
    p.x
}

fn main() {
    let _ = caller(1.0);
}
