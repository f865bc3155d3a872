// `S::corners()` where `S`'s bound `Shape` declares no `corners`: rustc's E0599 at
// `corners`.
use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn sides() -> i64;
}

#[jit]
fn corners_of<S: Shape>(s: &S) -> f64 {
    s.area() + S::corners() as f64
}

fn main() {}
