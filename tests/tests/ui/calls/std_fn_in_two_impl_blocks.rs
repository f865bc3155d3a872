// `std::mem::take` (not a jit fn) called in methods of two impl blocks of one class: each
// call is refused naming `take`.
use jitclass::jitclass;

#[jitclass]
pub struct Median {
    values: Vec<f64>,
}

#[jitclass]
impl Median {
    pub fn value(&mut self) -> f64 {
        let v = std::mem::take(&mut self.values);
        v.len() as f64
    }
}

#[jitclass]
impl Median {
    pub fn finalize(&mut self) -> f64 {
        let v = std::mem::take(&mut self.values);
        v.len() as f64
    }
}

fn main() {}
