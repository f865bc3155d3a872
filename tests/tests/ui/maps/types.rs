use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn one_type(m: HashMap<u32>) -> usize {
    m.len()
}

#[jit]
fn turbofish() -> usize {
    let m = HashMap::<u32, u32>::new();
    m.len()
}

#[jit]
fn from_array() -> usize {
    let m = HashMap::from([(1, 2)]);
    m.len()
}

fn main() {}
