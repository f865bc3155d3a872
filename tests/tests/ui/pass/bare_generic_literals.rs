// Struct literals of generic classes written without type arguments, as rustc builds
// them: typed from the return type (`Wrap { item: s.clone() }` as a `Wrap<S>`), from the
// values (`Pair { a: 1_i64, b: 2.5 }`), with a value that leaves the function (`return`),
// with a value that moves a local, and one that changes a local the next value reads.
use jitclass::{jit, jitclass};

#[jit]
pub trait Counter {
    fn get(&self) -> i64;
}

#[jitclass]
pub struct Wrap<T> {
    item: T,
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn cloned<S: Counter + Clone>(s: &S) -> Wrap<S> {
    Wrap { item: s.clone() }
}

#[jit]
fn from_values() -> f64 {
    let p = Pair { a: 1_i64, b: 2.5 };
    p.b
}

#[jit]
fn leaves(x: i64) -> i64 {
    let p = Pair {
        a: if x < 0 { return -1 } else { x },
        b: 1_i64,
    };
    p.a + p.b
}

#[jit]
fn moves_and_changes(mut v: Vec<i64>) -> usize {
    let p = Pair { a: v.pop().unwrap_or(0), b: v.len() };
    let q = Pair { a: v, b: p.b };
    q.a.len() + q.b
}

fn main() {
    assert_eq!(from_values(), 2.5);
    assert_eq!(leaves(-3), -1);
    assert_eq!(leaves(3), 4);
    assert_eq!(moves_and_changes(vec![1, 2, 3]), 4);
}
