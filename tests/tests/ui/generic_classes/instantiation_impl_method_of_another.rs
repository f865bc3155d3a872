// A function of `impl Stack<f64>` is `Stack<f64>`'s alone: rustc's E0599 on another
// instantiation, from Rust and from jit code.
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
}

#[jitclass]
impl Stack<f64> {
    pub fn total(&self) -> f64 {
        let mut s = 0.0;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }
}

#[jit]
fn in_jit_code() -> f64 {
    let s: Stack<i64> = Stack::new();
    s.total() as f64
}

fn main() {
    let s: Stack<i64> = Stack::new();
    s.total();
}
