//! Review of generic bodies' receiver and value checks (E0596 / E0308 in the generic check
//! fn) and of `&mut` loops over instances: valid neighbours compared with plain Rust,
//! aliasing through a second handle while a `for` over `&mut` runs.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[jit]
pub trait RgBump {
    fn bump(&mut self, by: i64);
    fn get(&self) -> i64;
}

#[jitclass]
pub struct RgTally {
    n: i64,
}

#[jitclass]
impl RgTally {
    pub fn new(n: i64) -> RgTally {
        RgTally { n }
    }
}

#[jitclass]
impl RgBump for RgTally {
    fn bump(&mut self, by: i64) {
        self.n += by;
    }
    fn get(&self) -> i64 {
        self.n
    }
}

#[jitclass]
pub struct RgBag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: RgBump> RgBag<T> {
    pub fn new() -> RgBag<T> {
        RgBag { items: Vec::new() }
    }
    pub fn add(&mut self, t: T) {
        self.items.push(t);
    }
    pub fn bump_all(&mut self, by: i64) {
        for x in &mut self.items {
            x.bump(by);
        }
    }
    pub fn total(&self) -> i64 {
        let mut s = 0;
        for x in &self.items {
            s += x.get();
        }
        s
    }
}

// Valid Rust: a `let` copy of a `&S` / `&mut S` (fixed: `let t = s; t.bump(3)` through a
// `&mut S` was refused at the first call), `S` values pushed or inserted.
#[jit]
fn rg_same_ref<S: RgBump>(s: &S) -> i64 {
    let t = s;
    t.get()
}

#[jit]
fn rg_by_value<S: RgBump>(v: &mut Vec<S>, s: S) -> usize {
    v.push(s);
    v.len()
}

#[jit]
fn rg_insert_moved<S: RgBump>(v: &mut Vec<S>, s: S) -> usize {
    let t = s;
    v.insert(0, t);
    v.len()
}

#[jit]
fn rg_id<S: RgBump>(s: S) -> S {
    let t = s;
    t
}

#[jit]
fn rg_mut_copy<S: RgBump>(s: &mut S) -> i64 {
    let t = s;
    t.bump(3);
    t.get()
}

#[jit]
fn rg_loop_mut_vec<C: RgBump>(xs: &mut Vec<C>) -> i64 {
    for x in xs {
        x.bump(2);
    }
    0
}

#[jit]
fn rg_loop_ref_mut<C: RgBump>(xs: &mut Vec<C>) -> i64 {
    for x in xs.iter_mut() {
        x.bump(7);
    }
    0
}

#[jit]
fn rg_plain_loops(k: i64) -> i64 {
    let mut v = vec![RgTally::new(k), RgTally::new(1)];
    for x in &mut v {
        x.bump(10);
    }
    for x in v.iter_mut() {
        x.bump(100);
    }
    rg_loop_mut_vec(&mut v);
    rg_loop_ref_mut(&mut v);
    let mut one = RgTally::new(2);
    let a = rg_mut_copy(&mut one);
    let b = rg_same_ref(&one);
    let n = rg_by_value(&mut v, RgTally::new(5)) as i64;
    let m = rg_insert_moved(&mut v, rg_id(RgTally::new(6))) as i64;
    let mut bag: RgBag<RgTally> = RgBag::new();
    bag.add(RgTally::new(1));
    bag.add(RgTally::new(2));
    bag.bump_all(4);
    let mut s = 0;
    for x in &v {
        s = s * 10 + x.get();
    }
    s + a * 7 + b * 11 + n * 13 + m * 17 + bag.total() * 19
}

#[jit]
fn rg_rows(k: i64) -> i64 {
    let mut grid = vec![vec![k], vec![1, 2]];
    for row in &mut grid {
        row.push(k * 2);
    }
    let mut t = 0;
    for row in &grid {
        t = t * 10 + row.len() as i64;
    }
    t
}

// The plain Rust copy keeps the jit program's shape.
#[allow(clippy::let_and_return, clippy::ptr_arg)]
mod plain {
    pub trait RgBump {
        fn bump(&mut self, by: i64);
        fn get(&self) -> i64;
    }
    pub struct RgTally {
        n: i64,
    }
    impl RgTally {
        pub fn new(n: i64) -> RgTally {
            RgTally { n }
        }
    }
    impl RgBump for RgTally {
        fn bump(&mut self, by: i64) {
            self.n += by;
        }
        fn get(&self) -> i64 {
            self.n
        }
    }
    pub struct RgBag<T> {
        items: Vec<T>,
    }
    impl<T: RgBump> RgBag<T> {
        pub fn new() -> RgBag<T> {
            RgBag { items: Vec::new() }
        }
        pub fn add(&mut self, t: T) {
            self.items.push(t);
        }
        pub fn bump_all(&mut self, by: i64) {
            for x in &mut self.items {
                x.bump(by);
            }
        }
        pub fn total(&self) -> i64 {
            let mut s = 0;
            for x in &self.items {
                s += x.get();
            }
            s
        }
    }
    fn rg_same_ref<S: RgBump>(s: &S) -> i64 {
        let t = s;
        t.get()
    }
    fn rg_by_value<S: RgBump>(v: &mut Vec<S>, s: S) -> usize {
        v.push(s);
        v.len()
    }
    fn rg_insert_moved<S: RgBump>(v: &mut Vec<S>, s: S) -> usize {
        let t = s;
        v.insert(0, t);
        v.len()
    }
    fn rg_id<S: RgBump>(s: S) -> S {
        let t = s;
        t
    }
    fn rg_mut_copy<S: RgBump>(s: &mut S) -> i64 {
        let t = s;
        t.bump(3);
        t.get()
    }
    fn rg_loop_mut_vec<C: RgBump>(xs: &mut Vec<C>) -> i64 {
        for x in xs {
            x.bump(2);
        }
        0
    }
    fn rg_loop_ref_mut<C: RgBump>(xs: &mut Vec<C>) -> i64 {
        for x in xs.iter_mut() {
            x.bump(7);
        }
        0
    }
    pub fn rg_plain_loops(k: i64) -> i64 {
        let mut v = vec![RgTally::new(k), RgTally::new(1)];
        for x in &mut v {
            x.bump(10);
        }
        for x in v.iter_mut() {
            x.bump(100);
        }
        rg_loop_mut_vec(&mut v);
        rg_loop_ref_mut(&mut v);
        let mut one = RgTally::new(2);
        let a = rg_mut_copy(&mut one);
        let b = rg_same_ref(&one);
        let n = rg_by_value(&mut v, RgTally::new(5)) as i64;
        let m = rg_insert_moved(&mut v, rg_id(RgTally::new(6))) as i64;
        let mut bag: RgBag<RgTally> = RgBag::new();
        bag.add(RgTally::new(1));
        bag.add(RgTally::new(2));
        bag.bump_all(4);
        let mut s = 0;
        for x in &v {
            s = s * 10 + x.get();
        }
        s + a * 7 + b * 11 + n * 13 + m * 17 + bag.total() * 19
    }
    pub fn rg_rows(k: i64) -> i64 {
        let mut grid = vec![vec![k], vec![1, 2]];
        for row in &mut grid {
            row.push(k * 2);
        }
        let mut t = 0;
        for row in &grid {
            t = t * 10 + row.len() as i64;
        }
        t
    }
}

#[test]
fn ok_mut_loops_and_ref_params_run_as_rust() {
    let _memory = memory_test();
    for k in [0, 3, -4] {
        assert_eq!(rg_plain_loops(k), plain::rg_plain_loops(k));
        assert_eq!(rg_rows(k), plain::rg_rows(k));
    }
    assert_no_leaks();
}

// ---- aliasing: a `&mut self` method, called on the variable of a `for` over `&mut`,
// pushes onto the looped Vec through a second handle to its owner ----

#[jitclass]
pub struct RgNode {
    n: i64,
    kids: Vec<RgNode>,
}

#[jitclass]
impl RgNode {
    pub fn new(n: i64) -> RgNode {
        RgNode {
            n,
            kids: Vec::new(),
        }
    }
    pub fn grow(&mut self, host: &mut RgNode) {
        self.n += 1;
        let mut i = 0;
        while i < 64 {
            host.kids.push(RgNode::new(i));
            i += 1;
        }
    }
}

#[jit]
fn rg_alias(k: i64) -> i64 {
    let mut root = RgNode::new(0);
    root.kids.push(RgNode::new(k));
    root.kids.push(RgNode::new(k + 1));
    let mut other = root.clone();
    let mut seen = 0;
    for kid in &mut root.kids {
        kid.grow(&mut other);
        seen += 1;
        if seen > 3 {
            break;
        }
    }
    seen * 1000 + root.kids.len() as i64
}

/// Rust cannot write this (E0499): the loop visits the elements there were when it began
/// (2), while 128 pushes through the second handle move the buffer; nothing freed is read.
#[test]
fn ok_alias_push_while_looping_mut_is_sound() {
    let _memory = memory_test();
    let r = catch_unwind(AssertUnwindSafe(|| rg_alias(5)));
    assert_eq!(r.ok(), Some(2130));
    assert_no_leaks();
}
