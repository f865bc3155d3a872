// Trait objects in a class: a field `Vec<Box<dyn Shape>>` and a method's `&dyn Shape`
// parameter would cross between Rust and jit code, refused at each `dyn`; a body's
// `Option<Box<dyn Shape>>` is a value of jit code, and rustc's E0038 says why `Shape`
// cannot be a trait object (its static `unit`), at every `dyn`.
use jitclass::jitclass;

#[jitclass::jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn unit() -> Self;
}

#[jitclass]
pub struct Scene {
    shapes: Vec<Box<dyn Shape>>,
}

#[jitclass]
pub struct Tally {
    total: f64,
}

#[jitclass]
impl Tally {
    pub fn add(&mut self, s: &dyn Shape) {
        self.total += s.area();
    }
    pub fn add_boxed(&mut self) {
        let s: Option<Box<dyn Shape>> = None;
        if s.is_some() {
            self.total += 1.0;
        }
    }
}

fn main() {}
