// A `?Sized` type parameter (valid Rust, used behind a reference): refused in jit code
// with one error at `?Sized`, in jitclass's words (every instantiation is compiled over
// sized types), naming no generated item.
use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jit]
fn area_of<T: ?Sized + Shape>(s: &T) -> f64 {
    s.area()
}

fn main() {}
