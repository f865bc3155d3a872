// `S::sides(2)` of a trait function taking no arguments: rustc's E0061.
use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn sides() -> i64;
}

#[jit]
fn sides_of<S: Shape>(s: &S) -> f64 {
    s.area() + <S as Shape>::sides(2) as f64
}

fn main() {}
