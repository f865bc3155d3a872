use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    total: f64,
    count: i64,
}

#[jitclass]
impl Counter {
    pub fn new() -> Self {
        Counter { total: 0.0, count: 0 }
    }

    pub fn step(&mut self, x: f64) {
        self.total += x;
        self.count += 1;
    }

    pub fn mean(&self) -> f64 {
        self.total / self.count as f64
    }
}

#[jit]
fn run() -> i64 {
    let c = Counter::new();
    c as i64
}

fn main() {}
