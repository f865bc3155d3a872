use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn key_count(m: HashMap<u32, u32>) -> usize {
    let keys = m.keys();
    let mut n = 0;
    for _k in m.drain() {
        n += 1;
    }
    n
}

#[jit]
fn retained(mut m: HashMap<u32, u32>) -> usize {
    m.retain(|_, v| *v > 1);
    m.len()
}

#[jit]
fn not_a_method(m: HashMap<u32, u32>) -> usize {
    m.length()
}

fn main() {}
