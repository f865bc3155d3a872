// Review probes of `Trait::f(self)` / `Trait::f()` misuse in methods and fns: rustc's
// errors at the user's tokens (E0308 for `&self` passed to a `&mut self` function, E0277
// for a trait the class does not implement, E0790 for a static function with no type).
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self);
    fn unit() -> Self
    where
        Self: Sized;
}

#[jit]
pub trait Named {
    fn name_len(&self) -> i64;
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub fn grows_through_shared(&self) {
        Shape::grow(self)
    }
    pub fn not_named(&self) -> i64 {
        Named::name_len(self)
    }
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r
    }
    fn grow(&mut self) {
        self.r += 1.0;
    }
    fn unit() -> Self {
        Circle { r: 1.0 }
    }
}

#[jit]
fn unit_without_a_type() -> f64 {
    let c = Shape::unit();
    Shape::area(&c)
}

fn main() {}
