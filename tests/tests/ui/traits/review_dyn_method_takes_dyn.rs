// rustc accepts a trait method taking `&dyn Fig`; jit code refuses it (documented: a trait
// object does not cross), at the `dyn`.
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn bigger(&self, other: &dyn Fig) -> bool {
        self.area() > other.area()
    }
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

fn main() {}
