//! A generic class whose arguments nothing tells: rustc's E0282 "type annotations needed"
//! at `Stack::new` ("cannot infer type of the type parameter `T` declared on the struct
//! `Stack`"), in a `vec!`, a struct literal's field and a method call's receiver.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn in_vec() -> usize {
    let v = vec![Stack::new()];
    v[0].len()
}

#[jit]
fn in_literal() -> i64 {
    let p = Pair { a: 1_i64, b: Stack::new() };
    p.a
}

#[jit]
fn receiver() -> usize {
    Stack::new().len()
}

fn main() {}
