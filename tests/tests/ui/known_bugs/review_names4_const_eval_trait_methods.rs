// Constants whose evaluation fails in a trait impl's method and a trait's default method:
// rustc names them `<Gauge as Sized3>::size::K` and `Sized3::doubled::D`, once each.
use jitclass::{jit, jitclass};

#[jit]
pub trait Sized3 {
    fn size(&self) -> i64;
    fn doubled(&self) -> i64 {
        const D: i8 = 100 * 2;
        self.size() * D as i64
    }
}

#[jitclass]
pub struct Gauge {
    v: i64,
}

#[jitclass]
impl Sized3 for Gauge {
    fn size(&self) -> i64 {
        const K: u8 = 255 + 1;
        self.v * K as i64
    }
}

fn main() {}
