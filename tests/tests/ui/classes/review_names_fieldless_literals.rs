// Literals without fields of classes with fields, in every form a path takes: each is
// rustc's E0063 at the class's name, naming the class's fields only.
use jitclass::{jit, jitclass};

mod shapes {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Circle {
        pub r: f64,
    }
}

use shapes::Circle as Round;

#[jitclass]
pub struct Pair<A, B> {
    a: A,
    b: B,
}

#[jitclass]
pub struct Outer {
    inner: shapes::Circle,
    n: i64,
}

#[jitclass]
impl Outer {
    fn remake(&self) -> Outer {
        Self {}
    }
}

#[jit]
fn through_module() -> shapes::Circle {
    shapes::Circle {}
}

#[jit]
fn renamed() -> Round {
    Round {}
}

#[jit]
fn nested() -> Outer {
    Outer { inner: shapes::Circle {}, n: 1 }
}

#[jit]
fn generic_placeholder() -> Pair<i64, f64> {
    Pair::<i64, _> {}
}

#[jit]
fn generic_turbofish() -> Pair<i64, f64> {
    Pair::<i64, f64> {}
}

fn main() {}
