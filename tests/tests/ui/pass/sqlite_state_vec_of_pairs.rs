// A weighted median's state keeps `(value, weight)` pairs: a `Vec` of tuples is a class
// field like any `Vec` (its getter copies it to Rust element by element).
use jitclass::jitclass;

#[jitclass]
pub struct WeightedMedian {
    pairs: Vec<(f64, f64)>,
}

#[jitclass]
impl WeightedMedian {
    pub fn new() -> Self {
        WeightedMedian { pairs: Vec::new() }
    }
}

fn main() {}
