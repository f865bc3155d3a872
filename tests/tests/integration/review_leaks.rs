//! Adversarial review (issue 12, item 6): panics half-way through expressions that hold
//! managed values; the memory runtime must balance afterwards.

use jitclass::{jit, jitclass, objmode};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[jitclass]
pub struct Leaf {
    v: i64,
}

#[jitclass]
impl Leaf {
    pub fn new(v: i64) -> Leaf {
        Leaf { v }
    }
}

#[jitclass]
pub struct Tree {
    left: Leaf,
    right: Option<Leaf>,
    pair: (Leaf, Option<Leaf>),
    n: i64,
}

#[jitclass]
impl Tree {
    /// The last field's value panics after the others were made.
    pub fn build(d: i64) -> Tree {
        Tree {
            left: Leaf::new(1),
            right: Some(Leaf::new(2)),
            pair: (Leaf::new(3), Some(Leaf::new(4))),
            n: 10 / d,
        }
    }

    /// A panic in an argument after an instance argument was made.
    pub fn call_args(d: i64) -> i64 {
        Tree::take(Leaf::new(5), Some(Leaf::new(6)), 10 / d)
    }

    pub fn take(a: Leaf, b: Option<Leaf>, k: i64) -> i64 {
        a.v + b.unwrap().v + k
    }

    /// A panic while a tuple of instances is being built.
    pub fn tuple_then_panic(d: i64) -> i64 {
        let t = (Leaf::new(1), (Leaf::new(2), 7 / d), Some(Leaf::new(3)));
        t.1.1
    }

    /// A panic in the place expression of a field store, after the value was made.
    pub fn store_then_panic(&mut self, xs: &[i64], i: usize) {
        self.pair = (Leaf::new(9), Some(Leaf::new(xs[i])));
    }

    /// A panic inside an `objmode!` block with instance inputs.
    pub fn objmode_panic(&self, fail: bool) -> i64 {
        let l = self.left.clone();
        let r = self.right.clone();
        objmode!(|l: Leaf, r: Option<Leaf>, fail: bool| -> i64 {
            if fail {
                panic!("block failed");
            }
            l.v() + r.map(|r| r.v()).unwrap_or(0)
        })
    }
}

#[jit]
fn loop_with_instances(n: i64, d: i64) -> i64 {
    let mut acc = Leaf::new(0);
    let mut keep = Some(Leaf::new(0));
    for i in 0..n {
        let next = Leaf::new(acc.v + i);
        keep = Some(acc);
        acc = next;
        if i == 5 {
            let _ = 1 / d;
        }
    }
    acc.v + keep.unwrap().v
}

#[test]
fn review_panics_half_way_release_everything() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert!(catch_unwind(|| Tree::build(0)).is_err());
    assert_eq!(Tree::build(2).n(), 5);
    assert!(catch_unwind(|| Tree::call_args(0)).is_err());
    assert_eq!(Tree::call_args(1), 21);
    assert!(catch_unwind(|| Tree::tuple_then_panic(0)).is_err());
    let mut t = Tree::build(1);
    assert!(catch_unwind(AssertUnwindSafe(|| t.store_then_panic(&[], 3))).is_err());
    assert_eq!(t.pair().0.v(), 3, "nothing stored");
    assert!(catch_unwind(AssertUnwindSafe(|| t.objmode_panic(true))).is_err());
    assert_eq!(t.objmode_panic(false), 3);
    assert!(catch_unwind(|| loop_with_instances(10, 0)).is_err());
    assert_eq!(loop_with_instances(4, 1), 6 + 3);
    drop(t);
    let after = jitclass::stats().since(&before);
    assert!(after.is_balanced(), "{after:?}");
    crate::assert_no_leaks();
}
