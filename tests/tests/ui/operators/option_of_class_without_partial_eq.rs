use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    count: i64,
}

#[jit]
fn same(a: Counter, b: Counter) -> bool {
    Some(a) == Some(b)
}

#[jit]
fn same_pair(a: Counter, b: Counter) -> bool {
    (1, a) != (1, b)
}

fn main() {}
