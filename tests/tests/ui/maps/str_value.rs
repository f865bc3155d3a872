// A `&str` (or a slice) borrowed for a call cannot be kept in a map, also not inside a
// tuple or an `Option`: jit code keeps no reference past the call.
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn names(s: &str) -> usize {
    let mut m = HashMap::new();
    m.insert(1, s);
    m.len()
}

#[jit]
fn tagged(s: &str) -> usize {
    let mut m = HashMap::new();
    m.insert(1, (2, Some(s)));
    m.len()
}

#[jit]
fn given(m: HashMap<i64, &str>) -> usize {
    m.len()
}

fn main() {}
