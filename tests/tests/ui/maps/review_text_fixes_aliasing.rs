// Aliasing rustc refuses around the text/map fixes: each must be a build-time error.
use jitclass::jit;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

#[jit]
fn insert_while_looping_keys() -> usize {
    let mut m: HashMap<i64, i64> = HashMap::new();
    m.insert(1, 1);
    for k in m.keys() {
        m.insert(*k + 1, 0);
    }
    m.len()
}

#[jit]
fn insert_while_looping_a_set() -> usize {
    let mut s: HashSet<i64> = HashSet::new();
    s.insert(1);
    for k in &s {
        s.insert(*k + 1);
    }
    s.len()
}

#[jit]
fn push_while_an_element_is_referenced() -> String {
    let mut v = vec![String::from("a")];
    let r = &v[0];
    v.push(String::new());
    let mut out = String::new();
    out.push_str(r);
    out
}

#[jit]
fn insert_while_get_mut_is_live() -> usize {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    if let Some(t) = m.get_mut(&1) {
        m.insert(2, String::new());
        write!(t, "x").unwrap();
    }
    m.len()
}

#[jit]
fn write_reading_the_written_vec() -> String {
    let mut v = vec![String::new(), String::from("b")];
    write!(v[0], "{}", v[1]).unwrap();
    v[0].clone()
}

#[jit]
fn push_while_writing_a_loop_element() -> usize {
    let mut v = vec![String::new()];
    for t in &mut v {
        v.push(String::new());
        write!(t, "x").unwrap();
    }
    v.len()
}

#[jit]
fn entry_held_across_insert() -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let r = m.entry("a".to_string()).or_insert(0);
    m.insert("b".to_string(), 1);
    *r += 1;
    *m.get("a").unwrap()
}

fn main() {}
