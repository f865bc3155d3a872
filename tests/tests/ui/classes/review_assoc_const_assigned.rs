use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const UNIT: f64 = 1.0;

    pub fn scaled(&self) -> f64 {
        Self::UNIT = 2.0;
        self.r
    }
}

fn main() {}
