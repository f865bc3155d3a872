use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn get_by_value(m: HashMap<u32, i64>, k: u32) -> i64 {
    m.get(k).copied().unwrap_or(0)
}

#[jit]
fn wrong_value(mut m: HashMap<u32, i64>) -> usize {
    m.insert(1, 2.5);
    m.len()
}

#[jit]
fn generic_by_value<T: Copy>(k: T) -> bool {
    let mut m = HashMap::new();
    m.insert(k, 0);
    m.contains_key(k)
}

fn main() {}
