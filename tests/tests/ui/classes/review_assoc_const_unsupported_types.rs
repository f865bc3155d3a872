use jitclass::{jit, jitclass};

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const PAIR: (f64, f64) = (1.0, 2.0);
    pub const ROW: [i64; 3] = [1, 2, 3];
    pub const MAYBE: Option<i64> = Some(3);
    pub const WIDE: i128 = 5;

    pub fn scaled(&self) -> f64 {
        self.r * Self::PAIR.0
    }
}

#[jit]
fn g() -> i64 {
    Circle::ROW[1] + Circle::MAYBE.unwrap() + Circle::WIDE as i64
}

fn main() {}
