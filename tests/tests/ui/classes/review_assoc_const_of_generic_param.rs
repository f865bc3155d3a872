use jitclass::{jit, jitclass};

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const UNIT: f64 = 1.0;
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
}

#[jit]
fn g<T>(_x: T) -> f64 {
    T::UNIT
}

fn main() {
    let _ = g(Circle::new(1.0));
}
