use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn index_by_value<T: Copy>(k: T) -> i32 {
    let mut m = HashMap::new();
    m.insert(k, 1);
    m[k]
}

#[jit]
fn clone_map(m: HashMap<u32, u32>) -> usize {
    let c = m.clone();
    c.len() + m.len()
}

fn main() {}
