use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const K: u8 = 200;
    pub const J: u8 = Self::K * 2;

    pub fn scaled(&self) -> f64 {
        self.r * Self::J as f64
    }
}

fn main() {}
