use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    pub const NAME: &'static str = "c";
    pub const LIST: &'static [i64] = &[1, 2];

    pub fn n(&self) -> i64 {
        Self::LIST[0] + Self::NAME.len() as i64
    }
}

fn main() {}
