// `r.as_ref()` of a `&dyn Fig` (not a box): rustc's E0599, "the method `as_ref` exists
// for reference `&dyn Fig`, but its trait bounds were not satisfied" (`AsRef` for `&T`
// needs `T: AsRef<_>`); `b.as_ref()` of the box lends its trait object.
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn area(&self) -> f64 {
        self.r
    }
}

#[jit]
fn lent(x: f64) -> f64 {
    let b: Box<dyn Fig> = Box::new(Disk { r: x });
    let r: &dyn Fig = b.as_ref();
    r.as_ref().area()
}

fn main() {}
