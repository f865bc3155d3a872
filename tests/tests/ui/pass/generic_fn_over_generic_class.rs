// A generic `#[jit] fn` over a generic class's instantiation with its own parameter
// compiles, with the bounds rustc needs, and runs from Rust (was refused at `T`).
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

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

#[jit]
fn size<T>(s: Stack<T>) -> usize {
    s.items.len()
}

fn main() {
    let mut s = Stack::new();
    s.push(1.5_f64);
    assert_eq!(size(s), 1);
}
