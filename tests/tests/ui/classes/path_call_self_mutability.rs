//! `Self::m(self)` to a `&mut self` method from a `&self` method: rustc's "types differ in
//! mutability", at `self` (review of issue 14).
use jitclass::jitclass;

#[jitclass]
pub struct Counter {
    value: i64,
}

#[jitclass]
impl Counter {
    pub fn bump(&mut self) {
        self.value += 1;
    }

    pub fn bad(&self) {
        Self::bump(self);
    }
}

fn main() {}
