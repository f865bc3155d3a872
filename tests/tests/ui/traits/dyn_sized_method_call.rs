// A method bounded `where Self: Sized` is not in the vtable: called on a `&dyn Shape`,
// rustc's "cannot be invoked on a trait object".
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn doubled(&self) -> f64
    where
        Self: Sized,
    {
        2.0 * self.area()
    }
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
}

#[jit]
fn area(c: Circle) -> f64 {
    let s: &dyn Shape = &c;
    s.doubled()
}

fn main() {
    let _ = area;
}
