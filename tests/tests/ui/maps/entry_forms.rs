use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn bare_entry(mut m: HashMap<u32, u32>) -> usize {
    let e = m.entry(1);
    m.len()
}

#[jit]
fn or_default(mut m: HashMap<u32, u32>) -> u32 {
    *m.entry(1).or_default() += 1;
    m[&1]
}

#[jit]
fn get_mut_kept(mut m: HashMap<u32, u32>) -> usize {
    let r = m.get_mut(&1);
    m.len()
}

fn main() {}
