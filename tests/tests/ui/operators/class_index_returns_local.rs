use jitclass::jitclass;
use std::ops::Index;

#[jitclass]
struct Pair {
    a: f64,
}

#[jitclass]
impl Index<usize> for Pair {
    type Output = f64;
    fn index(&self, i: usize) -> &f64 {
        let x = self.a;
        &x
    }
}

fn main() {}
