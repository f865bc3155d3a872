use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const UNIT: f64 = 1;

    pub fn unit() -> Circle {
        Circle { r: Self::UNIT }
    }
}

fn main() {}
