//! A generic class whose field is the class over a bigger argument
//! (`next: Option<R<Stack<T>>>`): rustc refuses any use with E0320 "overflow while adding
//! drop-check rules for `R<T>`"; jitclass says so once, at the field.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
pub struct R<T> {
    pub v: T,
    pub next: Option<R<Stack<T>>>,
}

#[jitclass]
impl<T: Copy> R<T> {
    pub fn new(v: T) -> Self {
        R { v, next: None }
    }
}

#[jit]
fn make() -> i64 {
    let r = R::new(1_i64);
    r.v
}

fn main() {
    let r = R::new(2_i64);
    assert_eq!(r.v(), 2);
    drop(r);
    assert_eq!(make(), 1);
}
