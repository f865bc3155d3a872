use jitclass::jitclass;

#[jitclass]
pub struct Gain {
    k: f32,
}

// rustc: literal out of range for `f32` (deny-by-default `overflowing_literals`); a class
// body gets no rustc copy, so jitclass reports it, at the literal.
#[jitclass]
impl Gain {
    pub fn boost(&mut self) {
        let big: f32 = 1e39;
        self.k = big;
    }
}

fn main() {}
