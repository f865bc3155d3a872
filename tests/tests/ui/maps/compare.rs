use jitclass::jit;
use std::collections::HashMap;

// rustc compares maps with `PartialEq`; jit code does not yet, also inside a `Vec` (which
// reached code generation and panicked there at the first call).
#[jit]
fn vecs_of_maps(a: HashMap<u32, i64>, b: HashMap<u32, i64>) -> bool {
    let va = vec![a];
    let vb = vec![b];
    va == vb
}

#[jit]
fn maps(a: HashMap<u32, i64>, b: HashMap<u32, i64>) -> bool {
    a != b
}

#[jit]
fn options_of_maps(a: Option<HashMap<u32, i64>>, b: Option<HashMap<u32, i64>>) -> bool {
    a == b
}

fn main() {}
