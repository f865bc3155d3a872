// Valid Rust: a `?Sized` parameter used only behind a reference. jitclass refuses it with
// E0277 naming `__JitclassShadow` (the shadow's host struct) and `Dispatcher::entry_for`
// (the glue); expected: accepted, or one error in jitclass's words at `?Sized`.
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
