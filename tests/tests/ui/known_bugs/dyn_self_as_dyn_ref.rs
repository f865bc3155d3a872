// In a class method, `self` (a `&Disk`) where a `&dyn Fig` is expected: rustc accepts the
// unsizing coercion; jit code's shadow says "expected `&dyn Fig`, found `Disk`" and
// suggests `&self`, which rustc would refuse (`&&Disk` is no `&dyn Fig`).
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

#[jitclass]
impl Disk {
    pub fn as_dyn(&self) -> f64 {
        let r: &dyn Fig = self;
        r.area()
    }
}

#[jit]
fn g() -> f64 {
    let d = Disk { r: 1.0 };
    d.as_dyn()
}

fn main() {
    assert_eq!(g(), 3.0);
}
