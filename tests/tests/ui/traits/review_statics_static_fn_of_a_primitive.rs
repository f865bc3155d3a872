// A generic fn calling `S::sides()` given a primitive from jit code: rustc's E0277.
use jitclass::jit;

#[jit]
pub trait Shape {
    fn sides() -> i64;
}

#[jit]
fn sides_of<S: Shape>(_s: &S) -> i64 {
    S::sides()
}

#[jit]
fn caller(x: i64) -> i64 {
    sides_of(&x)
}

fn main() {
    let _ = caller(1);
}
