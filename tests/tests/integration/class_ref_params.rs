//! `&C` / `&mut C` / `&S` parameters of jit functions and methods (issue 17), each compared
//! with rustc's build of the same code, the memory runtime balanced.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct RCircle {
    r: f64,
}

#[jitclass]
impl RCircle {
    pub fn new(r: f64) -> RCircle {
        RCircle { r }
    }
    pub fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    pub fn grow(&mut self, by: f64) {
        self.r += by;
    }
    /// A method taking another instance by reference.
    pub fn bigger_than(&self, other: &RCircle) -> bool {
        self.r > other.r
    }
}

#[jitclass]
pub struct RHolder {
    data: Vec<f64>,
    child: Option<RCircle>,
}

#[jitclass]
impl RHolder {
    pub fn new() -> RHolder {
        RHolder {
            data: vec![1.0],
            child: None,
        }
    }
}

#[jit]
fn area_of(c: &RCircle) -> f64 {
    c.area() + c.r
}

#[jit]
fn area_twice(c: &RCircle) -> f64 {
    // A `&C` passed on is not moved.
    area_of(c) + area_of(c)
}

#[jit]
fn grow_all(h: &mut RHolder, c: &mut RCircle, by: f64) -> usize {
    h.data.push(by);
    c.grow(by);
    c.r += 1.0;
    h.data.len()
}

#[jit]
fn caller_of_refs(r: f64) -> (f64, f64, usize, bool) {
    let mut c = RCircle::new(r);
    let mut h = RHolder::new();
    let a = area_twice(&c);
    let n = grow_all(&mut h, &mut c, 2.0);
    let other = RCircle::new(1.5);
    (a, c.r, n + h.data.len(), c.bigger_than(&other))
}

mod rust_copy {
    pub struct RCircle {
        pub r: f64,
    }
    impl RCircle {
        pub fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        pub fn grow(&mut self, by: f64) {
            self.r += by;
        }
        pub fn bigger_than(&self, other: &RCircle) -> bool {
            self.r > other.r
        }
    }
    pub struct RHolder {
        pub data: Vec<f64>,
    }
    fn area_of(c: &RCircle) -> f64 {
        c.area() + c.r
    }
    fn area_twice(c: &RCircle) -> f64 {
        area_of(c) + area_of(c)
    }
    fn grow_all(h: &mut RHolder, c: &mut RCircle, by: f64) -> usize {
        h.data.push(by);
        c.grow(by);
        c.r += 1.0;
        h.data.len()
    }
    pub fn caller_of_refs(r: f64) -> (f64, f64, usize, bool) {
        let mut c = RCircle { r };
        let mut h = RHolder { data: vec![1.0] };
        let a = area_twice(&c);
        let n = grow_all(&mut h, &mut c, 2.0);
        let other = RCircle { r: 1.5 };
        (a, c.r, n + h.data.len(), c.bigger_than(&other))
    }
}

#[test]
fn class_refs_from_jit_code() {
    let _memory = memory_test();
    for r in [0.5, 1.0, 2.5] {
        assert_eq!(caller_of_refs(r), rust_copy::caller_of_refs(r));
    }
    assert_no_leaks();
}

#[test]
fn class_refs_from_rust() {
    let _memory = memory_test();
    {
        let mut c = RCircle::new(2.0);
        let mut h = RHolder::new();
        assert_eq!(area_of(&c), 14.0);
        assert_eq!(grow_all(&mut h, &mut c, 1.0), 2);
        // The caller's instances changed, as through rustc's `&mut`.
        assert_eq!(c.r(), 4.0);
        assert_eq!(h.data(), vec![1.0, 1.0]);
        assert!(c.bigger_than(&RCircle::new(3.0)));
    }
    assert_no_leaks();
}

// ---- `&S` of a bounded type parameter, and `&Stack<T>` of a generic class. ----

#[jit]
pub trait RShape {
    fn size(&self) -> f64;
}

#[jit]
fn size_of_ref<S: RShape>(s: &S) -> f64 {
    s.size()
}

#[jit]
fn total_of<S: RShape>(a: &S, b: &S) -> f64 {
    // Passed on twice: a reference is not moved.
    size_of_ref(a) + size_of_ref(b) + size_of_ref(a)
}

#[jitclass]
impl RShape for RCircle {
    fn size(&self) -> f64 {
        self.r
    }
}

#[jit]
fn shapes_in_jit(r: f64) -> (f64, f64) {
    let a = RCircle::new(r);
    let b = RCircle::new(1.0);
    (total_of(&a, &b), size_of_ref(&a) * 2.0)
}

#[jitclass]
pub struct RStack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> RStack<T> {
    pub fn new() -> RStack<T> {
        RStack { items: Vec::new() }
    }
    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

#[jit]
fn stack_len<T>(s: &RStack<T>) -> usize {
    s.items.len()
}

#[jit]
fn stack_fill<T: Copy>(s: &mut RStack<T>, x: T, n: usize) {
    for _ in 0..n {
        s.push(x);
    }
}

#[jit]
fn stacks_in_jit(n: usize) -> (usize, usize) {
    let mut s: RStack<i64> = RStack::new();
    stack_fill(&mut s, 3, n);
    let mut t: RStack<f64> = RStack::new();
    stack_fill(&mut t, 1.5, n + 1);
    (stack_len(&s), stack_len(&t))
}

#[test]
fn generic_refs_from_jit_code() {
    let _memory = memory_test();
    // rustc: (2 + 1 + 2, 2 * 2), and the stacks' lengths.
    assert_eq!(shapes_in_jit(2.0), (5.0, 4.0));
    assert_eq!(stacks_in_jit(3), (3, 4));
    assert_no_leaks();
}

#[test]
fn generic_refs_from_rust() {
    let _memory = memory_test();
    {
        let a = RCircle::new(2.0);
        assert_eq!(size_of_ref(&a), 2.0);
        assert_eq!(total_of(&a, &RCircle::new(0.5)), 4.5);
        let mut s: RStack<i64> = RStack::new();
        stack_fill(&mut s, 7, 2);
        assert_eq!(stack_len(&s), 2);
        assert_eq!(s.items(), vec![7, 7]);
    }
    assert_no_leaks();
}
