// Borrow conflicts in bounded generic bodies (review of generic shadows): rustc's E0502 /
// E0499 at the user's token, as for the same Rust.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Bag<T> {
    pub fn merge(&mut self, other: &Bag<T>) {
        for i in 0..other.items.len() {
            self.items.push(other.items[i]);
        }
    }
    pub fn take(&mut self, other: &mut Bag<T>) {
        self.items.push(other.items[0]);
    }
    pub fn self_merge(&mut self) {
        self.merge(self);
    }
}

#[jit]
fn merge_into_itself<T: Copy>(a: &mut Bag<T>) {
    a.merge(a);
}

#[jit]
fn take_from_itself<T: Copy>(a: &mut Bag<T>) {
    a.take(a);
}

#[jit]
fn push_while_iterating<T: Clone>(v: &mut Vec<T>) {
    for x in v.iter() {
        v.push(x.clone());
    }
}

fn main() {}
