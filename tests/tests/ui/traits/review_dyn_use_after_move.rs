// rustc: E0382 borrow of moved value: `b`.
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
    let b: Box<dyn Fig> = Box::new(Disk { r: x });
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    v.push(b);
    b.area()
}

fn main() {}
