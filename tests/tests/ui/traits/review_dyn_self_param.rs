// rustc: E0038 the trait `Same` is not dyn compatible (a method takes `Self`).
use jitclass::{jit, jitclass};

#[jit]
pub trait Same {
    fn same(&self, other: Self) -> bool;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Same for Disk {
    fn same(&self, other: Self) -> bool {
        self.r == other.r
    }
}

#[jit]
fn f(x: f64) -> bool {
    let a: Box<dyn Same> = Box::new(Disk { r: x });
    a.same(Disk { r: x })
}

fn main() {}
