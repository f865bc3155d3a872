// rustc: E0277 `Box<dyn Fig>: Fig` not satisfied (`&v[0]` is a `&Box<dyn Fig>`).
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
    let v: Vec<Box<dyn Fig>> = vec![Box::new(Disk { r: x })];
    let r: &dyn Fig = &v[0];
    r.area()
}

fn main() {}
