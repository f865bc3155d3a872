//! Known bug (review of the valid-Rust work): `<T>::default()` (no trait) of a primitive, a
//! class, a tuple or an array is refused in jit code; rustc builds each (also checked:
//! `Vec::default()` inferred from a later push, `Option::<String>::default()`).
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
