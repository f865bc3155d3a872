use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const CENTRE: (f64, f64) = (0.0, 0.0);

    pub fn left(&self) -> f64 {
        Self::CENTRE.0 - self.r
    }
}

fn main() {}
