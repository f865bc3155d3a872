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
}

#[jit]
fn size<T: Copy>(s: Stack<T>) -> usize {
    s.items.len()
}

fn main() {
    let s = Stack::<Vec<i64>>::new();
    size(s);
}
