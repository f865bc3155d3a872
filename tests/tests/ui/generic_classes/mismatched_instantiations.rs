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
}

#[jit]
fn takes_floats(s: Stack<f64>) -> usize {
    s.items.len()
}

#[jit]
fn annotated() -> usize {
    let s: Stack<i64> = Stack::<f64>::new();
    s.items.len()
}

#[jit]
fn passed() -> usize {
    let mut s = Stack::new();
    s.push(1_i64);
    takes_floats(s)
}

fn main() {}
