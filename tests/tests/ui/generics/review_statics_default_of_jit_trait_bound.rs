// `T::default()` where `T` is bounded by a `#[jit] trait` only: rustc's E0599.
use jitclass::jit;

#[jit]
pub trait Shape {
    fn sides() -> i64;
}

#[jit]
fn fresh<T: Shape>(_like: T) -> T {
    T::default()
}

fn main() {}
