use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const Z: i64 = 0;

    pub fn scaled(&self) -> f64 {
        const K: u8 = 255 + 1;
        self.r * K as f64
    }

    pub fn scaled2(&self) -> f64 {
        let a = [0.0; 1 / Self::Z as usize];
        self.r + a.len() as f64
    }
}

fn main() {}
