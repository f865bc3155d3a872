use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn insert_float(x: f64) -> usize {
    let mut m: HashMap<f64, i32> = HashMap::new();
    m.insert(x, 1);
    m.len()
}

// Generic bodies, which rustc never sees, are checked by jitclass at the first call;
// a key type that cannot be hashed is refused there (see the integration tests).
#[jit]
fn insert_tuple_with_float(x: (i32, f32)) -> bool {
    let mut m = HashMap::new();
    m.insert(x, 1);
    m.contains_key(&x)
}

fn main() {}
