// Valid Rust in generic bodies that the generic check fn must not refuse: `mut` by-value
// parameters and `let mut` copies called with `&mut self` methods or pushed onto, and a
// `Vec` method whose typed argument follows a stand-in (no unused-variable warning).
#![deny(warnings)]
use jitclass::{jit, jitclass};

#[jit]
pub trait Counter {
    fn bump(&mut self, by: i64);
    fn get(&self) -> i64;
}

#[jitclass]
pub struct Tally {
    n: i64,
}

#[jitclass]
impl Counter for Tally {
    fn bump(&mut self, by: i64) {
        self.n += by;
    }
    fn get(&self) -> i64 {
        self.n
    }
}

#[jit]
fn mut_param<S: Counter>(mut s: S) -> i64 {
    s.bump(1);
    s.get()
}

#[jit]
fn let_mut_copy<S: Counter>(s: S) -> i64 {
    let mut t = s;
    t.bump(2);
    t.get()
}

#[jit]
fn mut_vec_param<S: Counter>(mut v: Vec<S>, s: S) -> usize {
    v.push(s);
    v.len()
}

#[jit]
fn insert_after_stand_in<S: Counter>(v: &mut Vec<S>, s: S) -> usize {
    v.insert(0, s);
    v.len()
}

fn main() {}
