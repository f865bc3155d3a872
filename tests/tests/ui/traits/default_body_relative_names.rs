// A default body is compiled where each impl is: a name looked up relative to a module
// could mean another item there, so only paths from the crate root are accepted.
use jitclass::jit;

const K: f64 = 2.0;

#[jit]
fn bonus() -> f64 {
    1.0
}

#[jit]
pub trait Shape {
    fn area(&self) -> f64;

    fn scaled(&self) -> f64 {
        self.area() * K + bonus()
    }

    fn padded(&self) -> [f64; 2] {
        [self.area() + crate::K; 2]
    }

    fn tripled(&self) -> f64 {
        const THREE: f64 = K + 1.0;
        self.area() * THREE + crate::bonus()
    }
}

fn main() {}
