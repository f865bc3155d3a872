// `std::mem::take` imported under another name and called in two methods: each call is
// refused naming the name it is called by.
use jitclass::jitclass;
use std::mem::take as grab;

#[jitclass]
pub struct Bag {
    values: Vec<f64>,
}

#[jitclass]
impl Bag {
    pub fn first(&mut self) -> f64 {
        let v = grab(&mut self.values);
        v.len() as f64
    }

    pub fn second(&mut self) -> f64 {
        let v = grab(&mut self.values);
        v.len() as f64
    }
}

fn main() {}
