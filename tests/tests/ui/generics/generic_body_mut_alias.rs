// Two `&mut` borrows of one instance at once in a bounded generic body: rustc's E0499 at
// the second `&mut s`, as for the same Rust fn (the body's shadow).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jit]
fn append<T: Copy>(a: &mut Stack<T>, b: &mut Stack<T>) -> usize {
    for i in 0..b.items.len() {
        a.items.push(b.items[i]);
    }
    a.items.len()
}

#[jit]
fn alias<T: Copy>(mut s: Stack<T>) -> usize {
    append(&mut s, &mut s)
}

fn main() {}
