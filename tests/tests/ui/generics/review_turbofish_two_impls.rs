// Two impls of one instantiation each define `sum`: rustc cannot pick (E0282/E0034).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Tally<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Tally<T> {
    pub fn new() -> Self {
        Tally { items: Vec::new() }
    }
    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

#[jitclass]
impl Tally<f64> {
    pub fn sum(&self) -> f64 {
        0.0
    }
}

#[jitclass]
impl Tally<i64> {
    pub fn sum(&self) -> f64 {
        1.0
    }
}

#[jit]
fn picked(n: i64) -> f64 {
    let mut t = Tally::new();
    let s = t.sum();
    t.push(n);
    s
}

fn main() {}
