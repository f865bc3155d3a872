use jitclass::jitclass;
use std::ops::Add;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Add for Circle {
    type Output = Circle;
    const ZERO: f64 = 0.0;

    fn add(self, o: Circle) -> Circle {
        Circle { r: self.r + o.r }
    }
}

fn main() {}
