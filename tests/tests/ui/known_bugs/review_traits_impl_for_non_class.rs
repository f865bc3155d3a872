// A `#[jitclass]` impl of a `#[jit]` trait for a plain struct (not a class): rustc's
// "not a `#[jitclass]` type" comes with 'cannot find macro `Plain`' (the class's shadow
// macro), `__JitclassView` and a `JitArg` error naming `call_1`. (A primitive or a tuple
// is refused alone at macro time: `traits/impl_for_primitive.rs`.)
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

pub struct Plain {
    r: f64,
}

#[jitclass]
impl Shape for Plain {
    fn area(&self) -> f64 {
        self.r
    }
}

fn main() {}
