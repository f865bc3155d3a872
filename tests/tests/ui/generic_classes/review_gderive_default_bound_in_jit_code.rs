use jitclass::{jit, jitclass};

#[jitclass]
#[derive(PartialEq, Default)]
pub struct Bag<T> {
    pub items: Vec<T>,
}

#[jitclass]
pub struct Plain {
    pub x: i64,
}

// rustc: E0599 `default` exists for `Bag<Plain>` but `Plain: Default` is not satisfied.
#[jit]
fn make() -> usize {
    let b = Bag::<Plain>::default();
    b.items.len()
}

fn main() {}
