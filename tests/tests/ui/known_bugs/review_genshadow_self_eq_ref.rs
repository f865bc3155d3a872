// Valid Rust: `self == o` in a `&self` method with `o: &C` compares two `&C` (derived
// `PartialEq`). The shadow writes `self` as the class by value, so rustc reports E0308
// "expected `Qt`, found `&Qt`", whose help (`*o`) jit code refuses; expected: accepted (as
// for a generic `Pt<T>` too). Workaround: `self.clone() == o.clone()`.
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
}

fn main() {}
