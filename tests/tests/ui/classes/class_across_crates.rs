// A class of another crate (`jitclass_fixtures::Tally`): its fields, properties and methods
// are checked as those of a class of this crate.
use jitclass::jit;
use jitclass_fixtures::{Tally, doubled_count};

#[jit]
fn run() -> f64 {
    let t = Tally::new();
    let n: f64 = doubled_count(t.clone());
    t.cout as f64 + t.mean(1.0) + n
}

#[jit]
fn set_half() -> f64 {
    let mut t = Tally::new();
    t.half = 2.0;
    t.half
}

// Borrow errors are reported for bodies without type errors (as rustc does).
#[jit]
fn bump() -> f64 {
    let t = Tally::new();
    t.add(1.0);
    t.mean()
}

fn main() {}
