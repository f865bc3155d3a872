use jitclass::jitclass;
use std::ops::{Add, MulAssign};

#[jitclass]
pub struct Foo {
    v: f64,
}

#[jitclass]
impl Foo {
    // Rust dereferences `&mut self`; jit code uses the instance through its fields and
    // methods.
    pub fn double(&mut self) {
        *self *= 2.0;
    }
}

#[jitclass]
impl MulAssign<f64> for Foo {
    fn mul_assign(&mut self, k: f64) {
        self.v *= k;
    }
}

#[jitclass]
impl Add<f64> for Foo {
    type Output = f64;
    // rustc: error[E0614]: type `Foo` cannot be dereferenced.
    fn add(self, k: f64) -> f64 {
        (*self).v + k
    }
}

fn main() {}
