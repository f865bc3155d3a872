// `sides_of::<Plain>()` of a class that does not implement the bound: rustc's E0277.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn sides() -> i64;
}

#[jitclass]
pub struct Plain {
    x: f64,
}

#[jit]
fn sides_of<S: Shape>() -> i64 {
    S::sides()
}

fn main() {
    let _ = sides_of::<Plain>();
}
