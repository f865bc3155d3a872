// `std::mem::take` (not a jit fn) called in two methods of a class, as a finalize that
// moves its `Vec` out would: each call must be refused naming `take`, as one call is
// (`tests/ui/calls/call_std_function.rs`), not the macro's internal stand-in items.
use jitclass::jitclass;

#[jitclass]
pub struct Median {
    values: Vec<f64>,
}

#[jitclass]
impl Median {
    pub fn new() -> Self {
        Median { values: Vec::new() }
    }

    pub fn value(&mut self) -> f64 {
        let v = std::mem::take(&mut self.values);
        v.len() as f64
    }

    pub fn finalize(&mut self) -> f64 {
        let v = std::mem::take(&mut self.values);
        v.len() as f64
    }
}

fn main() {}
