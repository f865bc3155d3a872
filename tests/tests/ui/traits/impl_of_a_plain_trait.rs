use jitclass::jitclass;

pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r
    }
}

fn main() {}
