//! Classes and jit fns that several test modules share: NBEP 3's `MyAvg` aggregate, and
//! the small cell, list node and three-argument callee of the ownership probes, and the
//! sorting tests' data generator.

use jitclass::{jit, jitclass};

/// The running mean of SQLite's `avg` (NBEP 3's example class). Its fields are
/// `pub(crate)` so that tests in other modules reach their accessors.
#[jitclass]
pub struct MyAvg {
    pub(crate) total: f64,
    pub(crate) count: i64,
}

#[jitclass]
impl MyAvg {
    pub fn new() -> Self {
        MyAvg {
            total: 0.0,
            count: 0,
        }
    }

    pub fn step(&mut self, value: f64) {
        self.total += value;
        self.count += 1;
    }

    pub fn finalize(&self) -> Option<f64> {
        if self.count == 0 {
            None
        } else {
            Some(self.total / self.count as f64)
        }
    }
}

/// A managed value: one instance holding a number.
#[jitclass]
pub struct RCell {
    value: i64,
}

#[jitclass]
impl RCell {
    pub fn new(value: i64) -> RCell {
        RCell { value }
    }

    pub fn get(&self) -> i64 {
        self.value
    }

    /// Returns `self`.
    pub fn me(&self) -> RCell {
        self
    }
}

/// A node of a linked list: an instance holding an optional instance of its own class.
#[jitclass]
pub struct RNode {
    value: i64,
    next: Option<RNode>,
}

#[jitclass]
impl RNode {
    pub fn new(value: i64, next: Option<RNode>) -> RNode {
        RNode { value, next }
    }

    pub fn next_node(&self) -> Option<RNode> {
        self.next.clone()
    }

    pub fn sum(&self) -> i64 {
        let mut total = self.value;
        let mut cur = self.next.clone();
        while let Some(n) = cur {
            total += n.value;
            cur = n.next.clone();
        }
        total
    }

    /// Drops the second node: `self.next = self.next.unwrap().next`.
    pub fn skip_next(&mut self) {
        self.next = self.next.clone().unwrap().next.clone();
    }

    /// Stores `self` into another node's `next`.
    pub fn link_into(&self, other: RNode) {
        let mut o = other;
        o.next = Some(self);
    }
}

/// A callee taking two instances, so that a caller has instances in flight in its
/// arguments while it evaluates the third.
#[jit]
pub fn take3(a: RCell, b: RCell, k: i64) -> i64 {
    a.value + b.value + k
}

/// A xorshift generator: reproducible data without a dependency (the sorting tests').
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `n` integers in `-(modulo / 2)..modulo - modulo / 2`, from `seed`: many duplicates
/// for a small `modulo`.
pub fn signed_ints(n: usize, seed: u64, modulo: u64) -> Vec<i64> {
    let mut r = Rng(seed | 1);
    (0..n)
        .map(|_| (r.next() % modulo) as i64 - (modulo / 2) as i64)
        .collect()
}
