// In a generic body (which has no shadow), `==` of two `Box<dyn Fig>`, `{:?}` of one and
// `r.as_ref()` of a `&dyn Fig` are refused in rustc's words: E0369, E0277 naming the
// `dyn Fig` that lacks `Debug`, and E0599 (`AsRef` for `&T` needs `T: AsRef<_>`).
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn area(&self) -> f64 {
        self.r
    }
}

#[jit]
fn same<S: Fig + 'static>(s: S, t: S) -> bool {
    let a: Box<dyn Fig> = Box::new(s);
    let b: Box<dyn Fig> = Box::new(t);
    a == b
}

#[jit]
fn shown<S: Fig + 'static>(s: S) -> usize {
    let a: Box<dyn Fig> = Box::new(s);
    format!("{:?}", a).len()
}

#[jit]
fn lent<S: Fig + 'static>(s: S) -> f64 {
    let a: Box<dyn Fig> = Box::new(s);
    let r: &dyn Fig = a.as_ref();
    r.as_ref().area()
}

fn main() {}
