use jitclass::jit;
use std::collections::HashSet;

#[jit]
fn insert_float(x: f64) -> usize {
    let mut s: HashSet<f64> = HashSet::new();
    s.insert(x);
    s.len()
}

// Generic bodies, which rustc never sees, are checked by jitclass at the first call;
// a key type that cannot be hashed is refused there.
#[jit]
fn contains_tuple_with_float(x: (i32, f32)) -> bool {
    let mut s = HashSet::new();
    s.insert(x);
    s.contains(&x)
}

fn main() {}
