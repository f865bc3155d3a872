// `<S as Shape>::perimeter(&s)`: the trait has no `perimeter` (rustc's E0576).
use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jit]
fn edge<S: Shape>(s: S) -> f64 {
    <S as Shape>::perimeter(&s)
}

fn main() {}
