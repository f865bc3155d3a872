//! BUG (review of issue 14): a `&mut self` method or a compound assignment on the class
//! value a `#[getter]` returns (`o.inner.bump()`, `o.inner.x += 1.0`) is rejected at build
//! time with "cannot borrow data in an index of `Outer` as mutable ... trait `IndexMut` is
//! required": the shadow writes `o.inner` as the keyed place `o[Field(inner)]` and borrows
//! it mutably, which `MemberMut` allows for fields only. A getter's result is a value
//! (another reference to the instance), as `o.inner().bump()` is in Rust, which rustc
//! accepts; jit code ran it before (it prints 2 and 2, the field changed through the
//! reference the getter returned).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Inner {
    x: f64,
}

#[jitclass]
impl Inner {
    pub fn new(x: f64) -> Inner {
        Inner { x }
    }

    pub fn bump(&mut self) {
        self.x += 1.0;
    }
}

#[jitclass]
pub struct Outer {
    b: Inner,
}

#[jitclass]
impl Outer {
    pub fn new(x: f64) -> Outer {
        Outer { b: Inner::new(x) }
    }

    #[getter]
    pub fn inner(&self) -> Inner {
        self.b.clone()
    }
}

#[jit]
fn getter_then_field_op(mut o: Outer) -> f64 {
    o.inner.x += 1.0;
    o.b.x
}

#[jit]
fn getter_then_mut_method(mut o: Outer) -> f64 {
    o.inner.bump();
    o.b.x
}

fn main() {
    assert_eq!(getter_then_field_op(Outer::new(1.0)), 2.0);
    assert_eq!(getter_then_mut_method(Outer::new(1.0)), 2.0);
}
