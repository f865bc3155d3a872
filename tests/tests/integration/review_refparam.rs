//! Adversarial probes of `&C` / `&mut C` / `&S` parameters: ownership, aliasing, leaks.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct QItem {
    v: i64,
}

#[jitclass]
impl QItem {
    pub fn new(v: i64) -> QItem {
        QItem { v }
    }
    pub fn get(&self) -> i64 {
        self.v
    }
}

#[jitclass]
pub struct QBox {
    child: Option<QItem>,
    all: Vec<QItem>,
}

#[jitclass]
impl QBox {
    pub fn new() -> QBox {
        QBox {
            child: None,
            all: Vec::new(),
        }
    }
}

#[jit]
pub trait QGet {
    fn val(&self) -> i64;
}

#[jitclass]
impl QGet for QItem {
    fn val(&self) -> i64 {
        self.v
    }
}

#[jitclass]
pub struct QStack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> QStack<T> {
    pub fn new() -> QStack<T> {
        QStack { items: Vec::new() }
    }
}

// Two `&mut` of one instance in a generic body (rustc: E0499): the loop reads the Vec the
// push grows.
#[jit]
fn gen_append<T: Copy>(a: &mut QStack<T>, b: &mut QStack<T>) -> usize {
    let n = b.items.len();
    for i in 0..n {
        a.items.push(b.items[i]);
    }
    a.items.len()
}

#[jit]
fn gen_alias<T: Copy>(mut s: QStack<T>, x: T) -> usize {
    s.items.push(x);
    gen_append(&mut s, &mut s)
}

/// rustc refuses `gen_append(&mut s, &mut s)` (E0499, recorded as the known bug
/// `review_refparam_generic_mut_alias`); jitclass runs it on the one instance without a
/// crash or a leak (the loop's bound was read before the pushes).
#[test]
fn generic_mut_alias_runs_balanced() {
    let _memory = memory_test();
    assert_eq!(gen_alias(QStack::<i64>::new(), 3), 2);
    assert_no_leaks();
}
