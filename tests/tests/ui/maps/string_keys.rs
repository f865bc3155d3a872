// `String` keys: searched by `&String` or `&str` (std's `Borrow<str>`), inserted as
// `String`s; a `&str` key type is refused (a map cannot keep text borrowed for a call).
use jitclass::jit;
use std::collections::{HashMap, HashSet};

#[jit]
fn by_number(m: HashMap<String, i64>) -> bool {
    m.contains_key(1)
}

#[jit]
fn insert_literal() -> usize {
    let mut m: HashMap<String, i64> = HashMap::new();
    m.insert("x", 1);
    m.len()
}

#[jit]
fn by_ref_to_str(m: HashMap<String, i64>, w: &str) -> bool {
    m.contains_key(&w)
}

#[jit]
fn entry_of_str(w: &str) -> usize {
    let mut m: HashMap<String, i64> = HashMap::new();
    *m.entry(w).or_insert(0) += 1;
    m.len()
}

#[jit]
fn str_keys(s: &str) -> usize {
    let mut m: HashMap<&str, i64> = HashMap::new();
    for w in s.split_whitespace() {
        *m.entry(w).or_insert(0) += 1;
    }
    m.len()
}

#[jit]
fn set_of_str(s: &str) -> usize {
    let mut seen = HashSet::new();
    seen.insert(s);
    seen.len()
}

fn main() {}
