use jitclass::{jit, jitclass};

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const UNIT: f64 = 1.0;

    pub fn scaled(&self) -> f64 {
        self.r * Self::UNITS
    }
}

#[jit]
fn unit_area() -> f64 {
    Circle::UNT * Circle::UNIT
}

fn main() {}
