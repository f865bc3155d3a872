//! Review of std types' `default()` in jit code: `<T>::default()` of any type, `Vec::default()`
//! inferred from a later push, and defaults of tuples of owning types, as rustc builds them.
use jitclass::{jit, jitclass};

#[jitclass]
#[derive(Default)]
pub struct Bag {
    pub n: i64,
    pub items: Vec<i64>,
}

#[jit]
fn bare_qualified(x: i64) -> (i64, usize, i64, usize, i64, usize) {
    let a = <i64>::default();
    let s = <String>::default();
    let b = <Bag>::default();
    let t = <(i64, String)>::default();
    let mut r = <[i64; 3]>::default();
    r[1] += x;
    let bags = <[Bag; 2]>::default();
    (a + x, s.len(), b.n, t.1.len(), r[0] + r[1], bags[1].items.len())
}

#[jit]
fn inferred_from_use(x: i64) -> (usize, bool) {
    let mut v = Vec::default();
    v.push(x);
    let o = Option::<String>::default();
    (v.len(), o.is_none())
}

fn main() {
    assert_eq!(bare_qualified(3), (3, 0, 0, 0, 3, 0));
    assert_eq!(jitclass::stats().allocations, jitclass::stats().frees);
    assert_eq!(inferred_from_use(3), (1, true));
}
