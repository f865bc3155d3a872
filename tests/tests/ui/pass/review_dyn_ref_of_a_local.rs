// A class LOCAL lent as `&dyn Fig` / `&mut dyn Fig`: rustc builds it (15 for `f(1.0)`), and
// so does jit code (it was "mismatched types: expected `&dyn Fig`, found `&_`").
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
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
    fn grow(&mut self, k: f64) {
        self.r += k;
    }
}

#[jit]
fn f(x: f64) -> f64 {
    let d = Disk { r: x };
    let r: &dyn Fig = &d;
    let mut e = Disk { r: x };
    let m: &mut dyn Fig = &mut e;
    m.grow(1.0);
    r.area() + e.area()
}

fn main() {
    assert_eq!(f(1.0), 15.0);
}
