//! `#[jitclass]`: classes with C layout, refcounted instances, methods.

use crate::fixtures::MyAvg;
use jitclass::{jit, jitclass};

#[jit]
fn average(xs: &[f64]) -> Option<f64> {
    let mut a = MyAvg::new();
    for i in 0..xs.len() {
        a.step(xs[i]);
    }
    a.finalize()
}

#[test]
fn my_avg_from_rust_and_jit() {
    let _memory = crate::memory_test();
    let mut a = MyAvg::new();
    assert_eq!(a.finalize(), None);
    a.step(1.0);
    a.step(2.0);
    assert_eq!(a.finalize(), Some(1.5));
    assert_eq!(a.count(), 2);
    a.set_total(10.0);
    assert_eq!(a.finalize(), Some(5.0));
    assert_eq!(average(&[1.0, 2.0, 3.0, 6.0]), Some(3.0));
    assert_eq!(average(&[]), None);
    drop(a);
    crate::assert_no_leaks();
}

// ---- recursive types: a linked list --------------------------------------------------

#[jitclass]
pub struct Node {
    value: i64,
    next: Option<Node>,
}

#[jitclass]
impl Node {
    pub fn new(value: i64, next: Option<Node>) -> Node {
        Node { value, next }
    }

    pub fn len(&self) -> i64 {
        let mut n = 1;
        let mut cur = self.next.clone();
        while let Some(node) = cur {
            n += 1;
            cur = node.next.clone();
        }
        n
    }

    pub fn sum(&self) -> i64 {
        let mut total = self.value;
        let mut cur = self.next.clone();
        while let Some(node) = cur {
            total += node.value;
            cur = node.next.clone();
        }
        total
    }
}

#[jit]
fn build_list(n: i64) -> Option<Node> {
    let mut head = None;
    for i in 0..n {
        head = Some(Node::new(i, head));
    }
    head
}

#[jit]
fn list_sum(head: Option<Node>) -> i64 {
    match head {
        Some(node) => node.sum(),
        None => 0,
    }
}

#[test]
fn a_long_list_built_in_jit_code_is_freed_without_recursion() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let head = build_list(100_000).expect("non-empty");
    assert_eq!(head.len(), 100_000);
    assert_eq!(head.sum(), (0..100_000).sum::<i64>());
    assert_eq!(list_sum(Some(head.clone())), (0..100_000).sum::<i64>());
    assert_eq!(Node::strong_count(&head), Some(1));
    let delta = jitclass::stats().since(&before);
    assert_eq!(delta.allocations - delta.frees, 100_000);
    drop(head);
    let delta = jitclass::stats().since(&before);
    assert_eq!((delta.allocations, delta.frees), (100_000, 100_000));
    assert_eq!(build_list(0).map(|n| n.value()), None);
    crate::assert_no_leaks();
}

#[test]
fn a_long_list_built_from_rust_is_freed_without_recursion() {
    let _memory = crate::memory_test();
    let mut head: Option<Node> = None;
    for i in 0..100_000 {
        head = Some(Node::new(i, head));
    }
    let head = head.expect("non-empty");
    assert_eq!(head.len(), 100_000);
    assert_eq!(head.value(), 99_999);
    let second = head.next().expect("has a next node");
    assert_eq!(second.value(), 99_998);
    assert_eq!(Node::strong_count(&second), Some(2));
    // Cutting the list from Rust releases the rest.
    head.set_next(None);
    assert_eq!(head.len(), 1);
    assert_eq!(Node::strong_count(&second), Some(1));
    assert_eq!(second.len(), 99_999);
    drop(head);
    drop(second);
    crate::assert_no_leaks();
}

// ---- nested members ----------------------------------------------------------------------

#[jitclass]
pub struct Point {
    x: f64,
    y: f64,
}

#[jitclass]
impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }

    pub fn translate(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
    }
}

#[jitclass]
pub struct Segment {
    a: Point,
    b: Point,
    label: Option<i32>,
}

#[jitclass]
impl Segment {
    pub fn new(a: Point, b: Point) -> Segment {
        Segment { a, b, label: None }
    }

    pub fn length2(&self) -> f64 {
        let dx = self.b.x - self.a.x;
        let dy = self.b.y - self.a.y;
        dx * dx + dy * dy
    }

    /// Replaces an end point: the old one is released, the new one retained.
    pub fn set_start(&mut self, p: Point) {
        self.a = p;
    }

    pub fn shift(&mut self, dx: f64) {
        self.a.translate(dx, 0.0);
        self.b.translate(dx, 0.0);
        self.label = Some(1);
    }

    pub fn start_norm2(&self) -> f64 {
        self.a.norm2()
    }
}

/// `.clone()` in jit code is Rust's `Clone`: another reference to an instance, also inside
/// an `Option` or a tuple; a copy of a number.
#[jit]
fn clones(p: Point, k: f64) -> (Point, Option<Point>, (Point, f64)) {
    let q = p.clone();
    let o = Some(q.clone());
    let t = (q.clone(), k.clone());
    (q, o.clone(), t.clone())
}

#[test]
fn clone_in_jit_code_is_another_reference() {
    let _memory = crate::memory_test();
    let p = Point::new(1.0, 2.0);
    let (q, o, (r, k)) = clones(p.clone(), 0.5);
    assert_eq!(k, 0.5);
    let o = o.expect("some");
    assert!(Point::ptr_eq(&p, &q) && Point::ptr_eq(&p, &o) && Point::ptr_eq(&p, &r));
    assert_eq!(Point::strong_count(&p), Some(4));
    drop((q, o, r));
    assert_eq!(Point::strong_count(&p), Some(1));
    drop(p);
    crate::assert_no_leaks();
}

#[test]
fn nested_members_are_shared_references_with_exact_counts() {
    let _memory = crate::memory_test();
    let a = Point::new(0.0, 0.0);
    let b = Point::new(3.0, 4.0);
    let mut s = Segment::new(a.clone(), b.clone());
    assert_eq!(s.length2(), 25.0);
    assert_eq!(Point::strong_count(&a), Some(2));
    // The segment holds the same instance: a change through `a` shows in `s`.
    a.set_x(-3.0);
    assert_eq!(s.length2(), 52.0);
    assert!(Point::ptr_eq(&s.a(), &a));
    s.shift(1.0);
    assert_eq!(a.x(), -2.0);
    assert_eq!(b.x(), 4.0);
    assert_eq!(s.label(), Some(1));
    let c = Point::new(4.0, 0.0);
    s.set_start(c.clone());
    assert_eq!(Point::strong_count(&a), Some(1));
    assert_eq!(Point::strong_count(&c), Some(2));
    assert_eq!(s.start_norm2(), 16.0);
    s.set_b(Point::new(4.0, 1.0));
    assert_eq!(Point::strong_count(&b), Some(1));
    assert_eq!(s.length2(), 1.0);
    drop((a, b, c, s));
    crate::assert_no_leaks();
}

#[test]
fn clone_is_another_reference_and_debug_prints_fields() {
    let _memory = crate::memory_test();
    let p = Point::new(1.0, 2.0);
    let q = p.clone();
    assert!(Point::ptr_eq(&p, &q));
    assert!(!Point::ptr_eq(&p, &Point::new(1.0, 2.0)));
    q.set_y(5.0);
    assert_eq!(p.y(), 5.0);
    assert_eq!(format!("{p:?}"), "Point { x: 1.0, y: 5.0 }");
    let s = Segment::new(p.clone(), Point::new(0.0, 0.0));
    assert_eq!(
        format!("{s:?}"),
        "Segment { a: Point { x: 1.0, y: 5.0 }, b: Point { x: 0.0, y: 0.0 }, label: None }"
    );
    assert!(p.is_managed());
    drop((p, q, s));
    crate::assert_no_leaks();
}

// ---- methods calling each other, static methods, panics --------------------------------

#[jitclass]
pub struct Counter {
    count: i64,
    step: i64,
}

#[jitclass]
impl Counter {
    pub fn new() -> Self {
        Self::with_step(1)
    }

    pub fn with_step(step: i64) -> Self {
        Counter { count: 0, step }
    }

    /// A static method: no receiver.
    pub fn default_step() -> i64 {
        1
    }

    pub fn tick(&mut self) -> i64 {
        self.count += self.step;
        self.count
    }

    pub fn tick_n(&mut self, n: i64) -> i64 {
        for _ in 0..n {
            self.tick();
        }
        self.get()
    }

    pub fn get(&self) -> i64 {
        self.count
    }

    /// Panics after creating instances that are in flight in the same expression.
    pub fn fail_in_argument(&self, divisor: i64) -> i64 {
        combine(Counter::with_step(2), Counter::new(), self.count / divisor)
    }
}

// A second impl block of the same class.
#[jitclass]
impl Counter {
    pub fn doubled(&self) -> i64 {
        2 * self.get()
    }
}

#[jit]
fn combine(a: Counter, b: Counter, k: i64) -> i64 {
    a.get() + b.get() + k
}

#[jit]
fn count_to(n: i64) -> i64 {
    let mut c = Counter::with_step(Counter::default_step());
    c.tick_n(n) + c.doubled()
}

#[jit]
fn pick(first: bool, a: Counter, b: Counter) -> Counter {
    if first { a } else { b }
}

#[jit]
fn identity<T>(x: T) -> T {
    x
}

#[test]
fn methods_call_each_other_across_impl_blocks() {
    let _memory = crate::memory_test();
    assert_eq!(count_to(10), 30);
    let mut c = Counter::new();
    assert_eq!(c.tick_n(3), 3);
    assert_eq!(c.doubled(), 6);
    assert_eq!(Counter::default_step(), 1);
    let d = Counter::with_step(5);
    assert!(Counter::ptr_eq(&pick(false, c.clone(), d.clone()), &d));
    assert!(Counter::ptr_eq(&pick(true, c.clone(), d.clone()), &c));
    // Generic jit code specialised for a class type.
    assert!(Counter::ptr_eq(&identity(c.clone()), &c));
    assert_eq!(identity(Some(d.clone())).map(|x| x.get()), Some(0));
    assert_eq!(Counter::strong_count(&c), Some(1));
    assert_eq!(Counter::strong_count(&d), Some(1));
    drop((c, d));
    crate::assert_no_leaks();
}

#[test]
fn a_panic_in_jit_code_releases_instances_in_flight() {
    let _memory = crate::memory_test();
    let mut c = Counter::new();
    c.tick();
    assert_eq!(c.fail_in_argument(1), 1);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.fail_in_argument(0)));
    let message = *caught.unwrap_err().downcast::<String>().unwrap();
    assert!(
        message.starts_with("attempt to divide by zero"),
        "{message}"
    );
    assert!(message.contains("Counter::fail_in_argument"), "{message}");
    assert_eq!(Counter::strong_count(&c), Some(1));
    drop(c);
    crate::assert_no_leaks();
}

// ---- layout ------------------------------------------------------------------------------

#[jitclass]
pub struct Mixed1 {
    a: i32,
    b: f32,
    c: f64,
}

#[jitclass]
pub struct Mixed2 {
    a: i8,
    b: f64,
    c: i64,
    d: f64,
}

#[jitclass]
pub struct Everything {
    flag: bool,
    small: u8,
    short: i16,
    word: u32,
    long: i64,
    size: usize,
    single: f32,
    double: f64,
    maybe: Option<i16>,
    pair: (bool, f64),
    point: Point,
    next: Option<Everything>,
    last: i8,
}

#[jitclass]
impl Everything {
    pub fn new(point: Point) -> Everything {
        Everything {
            flag: true,
            small: 200,
            short: -300,
            word: 4_000_000_000,
            long: -5_000_000_000,
            size: 6,
            single: 7.5,
            double: 8.25,
            maybe: Some(-9),
            pair: (true, 10.5),
            point,
            next: None,
            last: -11,
        }
    }

    /// Reads every field in jit code.
    pub fn checksum(&self) -> f64 {
        let mut total = 0.0;
        if self.flag {
            total += 1.0;
        }
        total += self.small as f64 + self.short as f64 + self.word as f64;
        total += self.long as f64 + self.size as f64 + self.single as f64 + self.double;
        total += self.maybe.unwrap_or(0) as f64;
        if self.pair.0 {
            total += self.pair.1;
        }
        total += self.point.x + self.last as f64;
        total
    }

    pub fn bump(&mut self) {
        self.small += 1;
        self.maybe = None;
        self.pair.1 = 0.5;
        self.next = Some(Everything::new(Point::new(0.0, 0.0)));
    }
}

#[test]
fn payloads_have_rusts_repr_c_layout() {
    use jitclass::Payload;
    use std::mem::{align_of, offset_of, size_of};
    let _memory = crate::memory_test();
    assert_eq!(size_of::<Payload<Mixed1>>(), 16);
    assert_eq!(size_of::<Payload<Mixed2>>(), 32);
    assert_eq!(
        [
            offset_of!(Payload<Mixed2>, a),
            offset_of!(Payload<Mixed2>, b),
            offset_of!(Payload<Mixed2>, c),
            offset_of!(Payload<Mixed2>, d)
        ],
        [0, 8, 16, 24]
    );
    // jitclass checks its own layout (the one LLVM gets) against rustc's at first use.
    for info in [
        <Mixed1 as jitclass::JitClass>::class_info(),
        <Mixed2 as jitclass::JitClass>::class_info(),
        <Everything as jitclass::JitClass>::class_info(),
    ] {
        assert!(info.fields().is_ok(), "{:?}", info.fields().err());
    }
    assert_eq!(align_of::<Payload<Everything>>(), 8);
    let mut e = Everything::new(Point::new(100.0, 0.0));
    let expected = 1.0 + 200.0 - 300.0 + 4e9 - 5e9 + 6.0 + 7.5 + 8.25 - 9.0 + 10.5 + 100.0 - 11.0;
    assert_eq!(e.checksum(), expected);
    // What jit code wrote, read through the Rust payload struct.
    let payload = e.clone();
    assert_eq!(
        (payload.small(), payload.word(), payload.maybe()),
        (200, 4_000_000_000, Some(-9))
    );
    assert_eq!(payload.pair(), (true, 10.5));
    e.bump();
    assert_eq!((e.small(), e.maybe(), e.pair()), (201, None, (true, 0.5)));
    assert_eq!(e.next().map(|n| n.last()), Some(-11));
    // What Rust wrote, read by jit code.
    e.set_flag(false);
    e.set_pair((false, 1.0));
    e.set_maybe(Some(1));
    assert_eq!(e.checksum(), expected - 1.0 + 1.0 - 10.5 + 10.0);
    drop((e, payload));
    crate::assert_no_leaks();
}
