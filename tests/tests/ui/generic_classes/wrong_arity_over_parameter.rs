use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jit]
fn size<T>(s: Stack<T, T>) -> usize {
    s.items.len()
}

fn main() {}
