// rustc: E0502 cannot borrow `v` as mutable because it is also borrowed as immutable.
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
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    v.push(Box::new(Disk { r: x }));
    let mut t = 0.0;
    for s in &v {
        t += s.area();
        v.push(Box::new(Disk { r: t }));
    }
    t
}

fn main() {}
