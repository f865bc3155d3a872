// A weighted median's state would keep `(value, weight)` pairs: a `Vec` of tuples is a
// jit local, not a class field yet (a field crosses to Rust through its getter). The
// error says so at the field, without speaking of slices the user never wrote.
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
