// A field holding the class over a growing argument (polymorphic recursion): rustc refuses
// every use of such a struct (E0320, overflow while adding drop-check rules); jitclass says
// so once, at the field, and the impl and its callers add nothing.
use jitclass::jitclass;

#[jitclass]
pub struct Poly<T> {
    v: T,
    next: Option<Poly<(T, T)>>,
}

#[jitclass]
impl<T> Poly<T> {
    pub fn new(v: T) -> Self {
        Poly { v, next: None }
    }
}

fn main() {
    let p = Poly::new(1_i64);
    drop(p);
}
