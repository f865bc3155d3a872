use jitclass::jitclass;
use std::ops::Index;

#[jitclass]
struct Pair {
    a: f64,
    b: f64,
}

#[jitclass]
impl Index<usize> for Pair {
    type Output = f64;
    fn index(&self, i: usize) -> &f64 {
        let first = &self.a;
        if i == 0 { first } else { &self.b }
    }
}

fn main() {}
