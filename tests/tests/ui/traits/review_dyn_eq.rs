// rustc: E0369 binary operation `==` cannot be applied to type `Box<dyn Fig>`.
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
fn f(x: f64) -> bool {
    let a: Box<dyn Fig> = Box::new(Disk { r: x });
    let b: Box<dyn Fig> = Box::new(Disk { r: x });
    a == b
}

fn main() {}
