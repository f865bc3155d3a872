// Two `&mut` borrows of one instance at once in a generic body (no shadow there): rustc
// refuses with E0499 at the second `&mut s`; jitclass builds it.
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
