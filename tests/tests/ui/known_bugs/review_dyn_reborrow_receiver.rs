// rustc builds this: `(&*b).area()` calls `area` on the box's `&dyn Fig`. jit code
// refuses it: "borrowing (`&x`) is not supported in jit code" (`let r: &dyn Fig = &*b;`
// and `b.as_ref().area()` work).
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
        3.0 * self.r * self.r
    }
}

#[jit]
fn f(x: f64) -> f64 {
    let b: Box<dyn Fig> = Box::new(Disk { r: x });
    (&*b).area()
}

fn main() {
    assert_eq!(f(1.0), 3.0);
}
