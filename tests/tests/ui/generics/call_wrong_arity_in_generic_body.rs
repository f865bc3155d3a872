// A generic body is checked once specialised, but the number of arguments of its calls to
// jit fns does not depend on the types: rustc checks it at build time.
use jitclass::jit;

#[jit]
fn two(a: f64, b: f64) -> f64 {
    a + b
}

#[jit]
fn generic<T>(x: T) -> T {
    let _ = two(1.0);
    x
}

mod other {
    #[jitclass::jit]
    pub fn also_generic<T>(x: T) -> f64 {
        let _ = x;
        crate::two(1.0, 2.0, 3.0)
    }
}

fn main() {}
