// `Trait::f(d)` of a trait object (integration `trait_path_inference`): a trait object of
// another trait (E0277 `dyn Shape: Other`), a `&Box<dyn Shape>`, whose `Self` is the box
// (E0277), and a `&mut self` method of a `&dyn Shape` (E0308), in rustc's words.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self);
}

#[jit]
pub trait Other {
    fn area(&self) -> f64 {
        1.0
    }
}

#[jitclass]
pub struct Circle {
    r: f64,
}

#[jitclass]
impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r
    }
    fn grow(&mut self) {
        self.r += 1.0;
    }
}

#[jitclass]
impl Other for Circle {}

#[jit]
fn of_another_trait(r: f64) -> f64 {
    let d: &dyn Shape = &Circle { r };
    Other::area(d)
}

#[jit]
fn of_the_box(r: f64) -> f64 {
    let b: Box<dyn Shape> = Box::new(Circle { r });
    Shape::area(&b)
}

#[jit]
fn mut_through_shared(r: f64) {
    let d: &dyn Shape = &Circle { r };
    Shape::grow(d);
}

fn main() {}
