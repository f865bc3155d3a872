// A `const` item in a class method naming `Self`: refused as rustc refuses it (E0401
// "can't use `Self` from outer item"), since a nested item is independent of its parent.
use jitclass::jitclass;

#[jitclass]
pub struct Gauge {
    v: i64,
}

#[jitclass]
impl Gauge {
    pub const STEP: i64 = 3;

    pub fn scaled(&self) -> i64 {
        const J: i64 = Self::STEP * 2;
        self.v * J
    }
}

fn main() {}
