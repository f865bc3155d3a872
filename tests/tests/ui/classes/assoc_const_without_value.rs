use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const UNIT: f64;

    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
}

fn main() {}
