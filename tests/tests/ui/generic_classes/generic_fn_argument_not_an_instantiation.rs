use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
pub struct Plain {
    items: Vec<i64>,
}

#[jit]
fn size<T: Copy>(s: Stack<T>) -> usize {
    s.items.len()
}

#[jit]
fn caller(p: Plain) -> usize {
    size(p)
}

fn main() {}
