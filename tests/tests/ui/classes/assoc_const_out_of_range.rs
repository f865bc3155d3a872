use jitclass::jitclass;

#[jitclass]
pub struct Gauge {
    level: u8,
}

#[jitclass]
impl Gauge {
    pub const FULL: u8 = 300;

    pub fn full() -> Gauge {
        Gauge { level: Self::FULL }
    }
}

fn main() {}
