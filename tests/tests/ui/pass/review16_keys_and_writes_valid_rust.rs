// Valid Rust (rustc builds and runs each of these) that jitclass once refused: `write!` into
// the `&mut String` a `for` loop over `&mut v`, `v.iter_mut()` or `get_mut` binds, into an
// element at a computed index (rustc evaluates `v[i + 1]` once), and `#[derive(Eq, Hash)]`
// beside a `#[jitclass] impl PartialEq`.
use jitclass::{jit, jitclass};
use std::collections::HashMap;
use std::fmt::Write;

#[jit]
fn loop_elements(n: i64) -> usize {
    let mut v: Vec<String> = vec![String::new(), String::new()];
    for t in &mut v {
        write!(t, "{}", n).unwrap();
    }
    for t in v.iter_mut() {
        writeln!(t, "!").unwrap();
    }
    v[0].len() + v[1].len()
}

#[jit]
fn map_value(n: i64) -> usize {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    if let Some(t) = m.get_mut(&1) {
        write!(t, "={}", n).unwrap();
    }
    m.len()
}

#[jit]
fn computed_index(i: usize) -> usize {
    let mut v: Vec<String> = vec![String::new(), String::new()];
    write!(v[i + 1], "{}", i).unwrap();
    v[1].len()
}

#[jitclass]
#[derive(Eq, Hash)]
pub struct HandEq {
    pub x: i64,
}

#[jitclass]
impl HandEq {
    pub fn new(x: i64) -> HandEq {
        HandEq { x }
    }
}

#[jitclass]
impl PartialEq for HandEq {
    fn eq(&self, o: &HandEq) -> bool {
        self.x == o.x
    }
}

fn main() {
    assert_eq!(loop_elements(5), 6);
    assert_eq!(map_value(3), 1);
    assert_eq!(computed_index(0), 1);
    assert!(HandEq::new(1) == HandEq::new(1));
}
