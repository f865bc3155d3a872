// `m.insert(s, v)` moves the `String`: using it after is rustc's E0382.
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn use_after_insert(w: &str) -> usize {
    let mut m: HashMap<String, i64> = HashMap::new();
    let s = w.to_string();
    m.insert(s, 1);
    s.len()
}

fn main() {}
