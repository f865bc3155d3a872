use jitclass::jitclass;

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Circle {
    #[allow(non_upper_case_globals)]
    pub const area: f64 = 1.0;

    pub fn area(&self) -> f64 {
        self.r * Self::area
    }
}

fn main() {}
