// Valid Rust (rustc builds and runs each of these) that jitclass once refused with wrong
// reasons: a discarded `entry(k).or_insert_with(..)`, a `Vec<String>` reached through
// `get_mut` and indexed, and a `&String` passed where `&str` is expected.
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn discarded_entry(w: &str) -> usize {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    m.entry(w.to_string()).or_insert_with(Vec::new);
    m.len()
}

#[jit]
fn element_through_get_mut(w: &str) -> usize {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    m.insert(w.to_string(), vec![String::new()]);
    if let Some(v) = m.get_mut(w) {
        v[0].push('m');
    }
    m.len()
}

#[jit]
fn deref_coercion(w: &str) -> String {
    let mut m: HashMap<String, String> = HashMap::new();
    m.insert(w.to_string(), w.to_string());
    let mut out = String::new();
    for (k, v) in &m {
        out.push_str(k);
        out.push_str(v);
    }
    out
}

fn main() {
    let _ = (discarded_entry("a"), element_through_get_mut("a"), deref_coercion("a"));
}
