//! A generic class's arguments written as `_` (`Stack<_>`, `Stack::<_>::new()`,
//! `Pair::<i64, _> { .. }`): rustc infers them from the uses and builds the program.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
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
fn underscores() -> i64 {
    let mut s: Stack<_> = Stack::new();
    s.push(1_i16);
    let mut t = Stack::<_>::new();
    t.push(2.5);
    let p = Pair::<i64, _> { a: 1, b: 2.5 };
    s.len() as i64 + t.len() as i64 * 10 + p.a * 100
}

fn main() {
    assert_eq!(underscores(), 111);
}
