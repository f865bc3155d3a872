// Constants of a class's methods whose evaluation fails are named by the method, as rustc
// names them: `Circle::scaled::K` for a `const` item, `Circle::scaled2::array_length_0`
// for an array length (rustc's own build says `Circle::scaled2::{constant#0}`; a `#[jit]
// fn`'s is `f::array_length_0` likewise: `arrays/length_overflows.rs`).
use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const Z: i64 = 0;

    pub fn scaled(&self) -> f64 {
        const K: u8 = 255 + 1;
        self.r * K as f64
    }

    pub fn scaled2(&self) -> f64 {
        let a = [0.0; 1 / Self::Z as usize];
        self.r + a.len() as f64
    }
}

fn main() {}
