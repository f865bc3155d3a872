// `Box<Circle>` and `Box<i64>` written in jit code: a `Box` there holds only a trait
// object, said at the boxed type, with what to write instead.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jit]
fn boxed_class() -> f64 {
    let b: Box<Circle> = Box::new(Circle { r: 1.0 });
    1.0
}

#[jit]
fn boxed_number() -> i64 {
    let v: Vec<Box<i64>> = Vec::new();
    v.len() as i64
}

fn main() {
    let _ = (boxed_class, boxed_number);
}
