// A generic fn needing `T: Default` called with a class that does not derive `Default`:
// rustc's E0277 at the argument, at build time (the caller's shadow).
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
    let p = fresh(Plain { x });
    p.x
}

fn main() {
    let _ = caller(1.0);
}
