// `self == o` / `self != o` in a `&self` method with `o: &C` compares two `&C` (derived
// `PartialEq`), as in Rust (review of generic shadows: the shadow typed `self` as the class
// by value, E0308 "expected `Qt`, found `&Qt`").
use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq)]
pub struct Qt {
    pub x: f64,
}

#[jitclass]
impl Qt {
    pub fn same(&self, o: &Qt) -> bool {
        self == o
    }
    pub fn differs(&mut self, o: &Qt) -> bool {
        o != self
    }
}

fn main() {}
