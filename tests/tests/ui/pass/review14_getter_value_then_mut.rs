//! Fixed (review of issue 14): a `&mut self` method or a compound assignment on the class
//! value a `#[getter]` returns (`o.inner.bump()`, `o.inner.x += 1.0`) builds on a `mut`
//! binding, as it would on a field: the getter returns another reference to the instance,
//! which the call changes. (jit code takes the getter's value as a place of `o`, so a
//! non-`mut` `o` is refused, at build time as at the first call.)
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
