// A `Vec` field changed through `&self`: rustc's borrow check of the method's body.
use jitclass::jitclass;

#[jitclass]
pub struct Samples {
    values: Vec<f64>,
}

#[jitclass]
impl Samples {
    pub fn add_through_shared(&self, x: f64) {
        self.values.push(x);
    }
}

fn main() {}
