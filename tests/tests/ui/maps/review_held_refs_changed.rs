// Review probes (valid4): a reference kept from `get`/`first` while the container changes
// in other ways, in generic bodies (which only jitclass checks): each is rustc's error.
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn moved<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    let s = m.get(&k).unwrap();
    let other = m;
    s.len() + other.len()
}

#[jit]
fn via_get_mut<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    if let Some(s) = m.get(&k) {
        m.get_mut(&k).unwrap().push('x');
        return s.len();
    }
    0
}

#[jit]
fn in_loop<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    let s = m.get(&k).unwrap();
    let mut n = 0;
    while n < 5 {
        n += s.len();
        m.remove(&k);
    }
    n
}

#[jit]
fn numbers<T: Copy>(x: T) -> T {
    let mut v: Vec<T> = vec![x];
    let f = v.first();
    v.push(x);
    *f.unwrap()
}

#[jit]
fn values_mut_loop<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    let s = m.get(&k).unwrap();
    for v in m.values_mut() {
        v.push('x');
    }
    s.len()
}

#[jit]
fn reassigned<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, Vec<i64>> = HashMap::new();
    m.insert(k, vec![1]);
    let s = m.get(&k).unwrap();
    m = HashMap::new();
    s.len() + m.len()
}

#[jit]
fn copied_name<T: Copy + std::hash::Hash + Eq>(k: T) -> usize {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    let s = m.get(&k).unwrap();
    let t = s;
    m.clear();
    t.len()
}

#[jit]
fn moved_out<T: Copy + std::hash::Hash + Eq>(k: T) -> String {
    let mut m: HashMap<T, String> = HashMap::new();
    m.insert(k, String::from("a"));
    let s = m.get(&k).unwrap();
    let mut t = *s;
    t.push('x');
    m.get(&k).unwrap().clone()
}

#[jit]
fn bound_by_value<T: Copy>(x: T) -> usize {
    let v: Vec<Vec<T>> = vec![vec![x]];
    if let Some(&row) = v.get(0) {
        return row.len();
    }
    0
}

fn main() {}
