// In a class method, `self` (a `&Disk`) where a `&dyn Fig` is expected: rustc accepts the
// unsizing coercion, and so does jit code (the shadow once said "expected `&dyn Fig`, found
// `Disk`" and suggested `&self`, which rustc would refuse: `&&Disk` is no `&dyn Fig`).
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn grow(&mut self);
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
    fn grow(&mut self) {
        self.r += 1.0;
    }
}

#[jitclass]
impl Disk {
    pub fn as_dyn(&self) -> f64 {
        let r: &dyn Fig = self;
        r.area()
    }

    pub fn grow_dyn(&mut self) -> f64 {
        let r: &mut dyn Fig = self;
        r.grow();
        let s: &dyn Fig = self;
        s.area() + self.r
    }
}

#[jit]
fn g() -> f64 {
    let mut d = Disk { r: 1.0 };
    d.as_dyn() + d.grow_dyn()
}

fn main() {
    assert_eq!(g(), 3.0 + 12.0 + 2.0);
}
