// A method's constants that name each other in a cycle (rustc E0391), and one naming
// nothing (E0425).
use jitclass::jitclass;

#[jitclass]
pub struct Gauge {
    v: i64,
}

#[jitclass]
impl Gauge {
    pub fn cyclic(&self) -> i64 {
        const A: i64 = B + 1;
        const B: i64 = A + 1;
        self.v + A
    }

    pub fn unknown(&self) -> i64 {
        const U: i64 = NOPE * 2;
        self.v + U
    }
}

fn main() {}
