// Fixed (was refused): rustc builds `&*b` / `&mut *b` (a `&dyn Fig` / `&mut dyn Fig` of a box's instance).
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
    let mut b: Box<dyn Fig> = Box::new(Disk { r: x });
    let m: &mut dyn Fig = &mut *b;
    m.grow(1.0);
    let r: &dyn Fig = &*b;
    r.area()
}

fn main() {
    assert_eq!(f(1.0), 12.0);
}
