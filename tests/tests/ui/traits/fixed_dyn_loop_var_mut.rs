// Review of issue 17: after a class struct literal the shadow was dead code to rustc's borrow
// checker (`__jitclass: unreachable!()`), so this ran; in `for s in &v` the element is lent
// without a count, and changing `v` freed it (use after free).
// rustc: E0596 cannot borrow `**s` as mutable, as it is behind a `&` reference.
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
    for s in &v {
        s.grow(1.0);
    }
    v[0].area()
}

fn main() {}
