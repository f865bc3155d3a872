//! A `PhantomData<T>` is not `()` (jit code's representation of it): rustc's E0308.
use jitclass::jit;
use std::marker::PhantomData;

#[jit]
fn unit_as_marker(x: i64) -> i64 {
    let m: PhantomData<i64> = ();
    let _ = m;
    x
}

fn main() {
    let _ = unit_as_marker(1);
}
