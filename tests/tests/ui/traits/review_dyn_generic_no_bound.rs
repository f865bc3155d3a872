// rustc: E0277 `S: Fig` not satisfied, at build time (in the generic body).
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
fn f<S: 'static>(s: S) -> f64 {
    let a: Box<dyn Fig> = Box::new(s);
    a.area()
}

fn main() {}
