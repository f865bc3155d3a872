use jitclass::jitclass;

fn radius() -> f64 {
    2.0
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const DEFAULT_R: f64 = radius();

    pub fn standard() -> Circle {
        Circle { r: Self::DEFAULT_R }
    }
}

fn main() {}
