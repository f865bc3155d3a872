//! Review of `#[jit] trait`s (issue 17): probes from the public API, each compared with
//! rustc's build of the same code, the memory runtime balanced.

// A `Vec` on purpose: managed memory live when a trait method panics.
#![allow(clippy::multiple_bound_locations, clippy::useless_vec)]

use crate::traits::{Circle, Shape, Square};
use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

// ---- Names in a default body resolve where the trait is written (rustc's hygiene). ----

mod scale_trait {
    use jitclass::jit;

    pub const K: f64 = 2.0;

    #[jit]
    pub fn bonus() -> f64 {
        1.0
    }

    #[jit]
    pub trait Scale {
        fn base(&self) -> f64;
        fn scaled(&self) -> f64 {
            // Relative names (`K`, `bonus()`) are refused at the trait
            // (ui/traits/default_body_relative_names.rs): paths from the crate root
            // mean the trait's items wherever an impl compiles the body.
            self.base() * crate::review_traits::scale_trait::K
                + crate::review_traits::scale_trait::bonus()
        }
    }
}

mod scale_impl {
    use super::scale_trait::Scale;
    use jitclass::{jit, jitclass};

    // Other items of the same names, where the impl is written.
    #[allow(dead_code)]
    const K: f64 = 100.0;

    #[allow(dead_code)]
    #[jit]
    fn bonus() -> f64 {
        1000.0
    }

    #[jitclass]
    pub struct Thing {
        b: f64,
    }

    #[jitclass]
    impl Thing {
        pub fn new(b: f64) -> Thing {
            Thing { b }
        }
    }

    #[jitclass]
    impl Scale for Thing {
        fn base(&self) -> f64 {
            self.b
        }
    }

    #[jit]
    pub fn scaled_in_jit(b: f64) -> f64 {
        Thing::new(b).scaled()
    }
}

/// rustc resolves the names of a default body where the trait is written (`K` is 2.0,
/// `bonus()` is 1.0: 7.0); the class's copy of the body is compiled where the impl is,
/// whose module has its own `K` and `bonus` (1300.0 was the review's silent wrong
/// answer). Relative names are now refused at the trait; paths from the crate root
/// mean the trait's items.
#[test]
fn fixed_default_body_names_resolve_at_the_trait() {
    use scale_trait::Scale;
    let _memory = memory_test();
    {
        let t = scale_impl::Thing::new(3.0);
        // rustc: 3 * 2 + 1 (the trait module's `K` and `bonus`).
        assert_eq!(t.scaled(), 7.0);
        assert_eq!(scale_impl::scaled_in_jit(3.0), 7.0);
    }
    assert_no_leaks();
}

// ---- An inherent method and a trait method of one name; a default calling it. ----

#[jit]
pub trait Named {
    fn id(&self) -> i64;
    fn twice_id(&self) -> i64 {
        self.id() * 2
    }
}

#[jitclass]
pub struct Both {
    v: i64,
}

#[jitclass]
impl Both {
    pub fn id(&self) -> i64 {
        1000 + self.v
    }
    pub fn make(v: i64) -> Both {
        Both { v }
    }
}

#[jitclass]
impl Named for Both {
    fn id(&self) -> i64 {
        self.v
    }
}

/// rustc: the default body's `self.id()` is the trait's `id` (twice_id is 10); jit code
/// panics at the first call, from Rust too: "`Both` has several functions named `id`".
/// The book says a class's inherent and trait method of one name cannot be called by
/// name in jit code, but here the user calls neither: an inherent `id` breaks the
/// trait's default methods.
#[test]
fn default_calls_trait_method_shadowed_by_inherent() {
    let _memory = memory_test();
    {
        let b = Both::make(5);
        // rustc: the default body's `self.id()` is `Named::id` (the trait's), 5 * 2.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.twice_id()));
        match r {
            Ok(v) => assert_eq!(v, 10),
            Err(_) => panic!(
                "twice_id panicked: {}",
                panic_message(|| Named::twice_id(&b))
            ),
        }
    }
    assert_no_leaks();
}

// ---- Two traits with a method of one name on one class (rustc: E0034 only at a call). ----

#[jit]
pub trait Ta {
    fn val(&self) -> i64 {
        1
    }
    fn a_twice(&self) -> i64 {
        self.val() * 2
    }
}

#[jit]
pub trait Tb {
    fn val(&self) -> i64 {
        10
    }
    fn b_twice(&self) -> i64 {
        self.val() * 2
    }
}

#[jitclass]
pub struct Dual {
    k: i64,
}

#[jitclass]
impl Dual {
    pub fn make(k: i64) -> Dual {
        Dual { k }
    }
}

#[jitclass]
impl Ta for Dual {}

#[jitclass]
impl Tb for Dual {
    fn val(&self) -> i64 {
        10 + self.k
    }
}

/// rustc builds it: each default calls its own trait's `val` (2 and 26); jit code panics
/// at the first call of either default: "`Dual` has several functions named `val`".
#[test]
fn two_traits_with_one_method_name() {
    let _memory = memory_test();
    {
        let d = Dual::make(3);
        // rustc: each default calls its own trait's `val`.
        let a = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| d.a_twice()));
        let b = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| d.b_twice()));
        assert!(a.is_ok() && b.is_ok(), "a default method panicked");
        assert_eq!((a.unwrap(), b.unwrap()), (2, 26));
    }
    assert_no_leaks();
}

// ---- Mutual recursion through default methods. ----

#[jit]
pub trait Parity {
    fn is_even(&self, n: i64) -> bool {
        if n == 0 { true } else { self.is_odd(n - 1) }
    }
    fn is_odd(&self, n: i64) -> bool {
        if n == 0 { false } else { self.is_even(n - 1) }
    }
}

#[jitclass]
pub struct P {
    z: i64,
}

#[jitclass]
impl P {
    pub fn make() -> P {
        P { z: 0 }
    }
}

#[jitclass]
impl Parity for P {}

#[jit]
fn parity_in_jit(n: i64) -> bool {
    let p = P::make();
    p.is_even(n) && !p.is_odd(n)
}

#[test]
fn recursion_through_default_methods() {
    let _memory = memory_test();
    {
        let p = P::make();
        assert!(p.is_even(10));
        assert!(p.is_odd(7));
        assert!(parity_in_jit(12));
        assert!(!parity_in_jit(13));
    }
    assert_no_leaks();
}

// ---- One bounded generic fn specialised for two classes in one jit fn. ----

#[jit]
fn mixed_totals(r: f64) -> f64 {
    let cs = [Circle::new(r), <Circle as Shape>::unit()];
    let qs = [Square::unit()];
    crate_total(&cs) + crate_total(&qs)
}

#[jit]
fn crate_total<S: Shape>(xs: &[S]) -> f64 {
    let mut t = 0.0;
    for x in xs {
        t += x.scaled(2.0) + x.name_len() as f64;
    }
    t
}

#[test]
fn generic_fns_over_two_classes_from_jit_code() {
    let _memory = memory_test();
    {
        // rustc: circles (3*4*2 + 4) + (3*2 + 4), square (1*2 + 6).
        assert_eq!(mixed_totals(2.0), 28.0 + 10.0 + 8.0);
    }
    assert_no_leaks();
}

// ---- A panic inside a trait method with instances live: nothing leaks. ----

#[jit]
pub trait Risky {
    fn check(&self, n: i64) -> i64;
    fn make(k: i64) -> Self;
    fn chain(&self, n: i64) -> i64
    where
        Self: Sized,
    {
        let other = Self::make(n);
        let xs = vec![other.check(1), 2];
        xs[0] + self.check(n) + other.check(n)
    }
}

#[jitclass]
pub struct Fragile {
    k: i64,
    held: Vec<i64>,
}

#[jitclass]
impl Risky for Fragile {
    fn check(&self, n: i64) -> i64 {
        if n > self.k {
            panic!("too big: {} > {}", n, self.k);
        }
        n + self.held.len() as i64
    }
    fn make(k: i64) -> Self {
        Fragile {
            k,
            held: vec![1, 2, 3],
        }
    }
}

#[test]
fn panic_in_trait_method_with_live_instances() {
    let _memory = memory_test();
    {
        let f = Fragile::make(5);
        assert_eq!(f.chain(2), 4 + 5 + 5);
        // `other` (k = 7) passes, `self` (k = 5) panics with `other` and `xs` live.
        let message = panic_message(|| f.chain(7));
        assert!(message.starts_with("too big: 7 > 5"), "{message}");
        assert_eq!(f.chain(1), 4 + 4 + 4);
    }
    assert_no_leaks();
}

// ---- A trait declared after its impl, in a module further down. ----

#[jitclass]
pub struct Late {
    n: i64,
}

#[jitclass]
impl late::Later for Late {
    fn get(&self) -> i64 {
        self.n
    }
    fn make() -> Self {
        Late { n: 4 }
    }
}

mod late {
    use jitclass::jit;

    #[jit]
    pub trait Later {
        fn get(&self) -> i64;
        fn make() -> Self;
        fn plus(&self, k: i64) -> i64 {
            self.get() + k
        }
    }
}

#[test]
fn trait_declared_after_its_impl_by_path() {
    use late::Later;
    let _memory = memory_test();
    {
        let l = Late::make();
        assert_eq!(l.plus(3), 7);
    }
    assert_no_leaks();
}

// ---- Rust code: `&dyn Trait` over handles (the trait is a plain Rust trait there). ----

#[jit]
pub trait Area {
    fn area2(&self) -> f64;
    fn half(&self) -> f64 {
        self.area2() / 2.0
    }
}

#[jitclass]
pub struct Rect2 {
    w: f64,
    h: f64,
}

#[jitclass]
impl Rect2 {
    pub fn make(w: f64, h: f64) -> Rect2 {
        Rect2 { w, h }
    }
}

#[jitclass]
impl Area for Rect2 {
    fn area2(&self) -> f64 {
        self.w * self.h
    }
}

#[test]
fn rust_dyn_over_handles() {
    let _memory = memory_test();
    {
        let shapes: Vec<Box<dyn Area>> = vec![
            Box::new(Rect2::make(2.0, 3.0)),
            Box::new(Rect2::make(1.0, 1.0)),
        ];
        let total: f64 = shapes.iter().map(|s| s.half()).sum();
        assert_eq!(total, 3.5);
    }
    assert_no_leaks();
}

// ---- Default methods returning owned values (a Vec) and taking slices. ----

#[jit]
pub trait Series {
    fn step(&self) -> f64;
    fn series(&self, n: i64) -> Vec<f64> {
        let mut v = Vec::new();
        for i in 0..n {
            v.push(self.step() * i as f64);
        }
        v
    }
    fn dot(&self, xs: &[f64]) -> f64 {
        let mut t = 0.0;
        for x in xs {
            t += x * self.step();
        }
        t
    }
}

#[jitclass]
impl Series for Rect2 {
    fn step(&self) -> f64 {
        self.w
    }
}

#[jit]
fn series_in_jit(w: f64) -> f64 {
    let r = Rect2::make(w, 1.0);
    let v = r.series(4);
    r.dot(&v)
}

#[test]
fn default_methods_with_owned_results() {
    let _memory = memory_test();
    {
        let r = Rect2::make(2.0, 5.0);
        assert_eq!(r.series(3), vec![0.0, 2.0, 4.0]);
        assert_eq!(r.dot(&[1.0, 2.0]), 6.0);
        // rustc: v = [0, 2, 4, 6], dot = 2 * 12.
        assert_eq!(series_in_jit(2.0), 24.0);
    }
    assert_no_leaks();
}

/// The error that stands for the two previous bugs names the functions, without the help
/// for operator impls ("use the operator, whose operand types select the impl") it once
/// gave for any name.
#[test]
fn fixed_several_functions_message_is_not_about_operators() {
    let _memory = memory_test();
    {
        let d = Dual::make(3);
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| d.a_twice())) {
            Ok(v) => assert_eq!(v, 2),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                assert!(
                    message.contains("`Dual` has several functions named `val`")
                        && !message.contains("use the operator"),
                    "{message}"
                );
            }
        }
    }
    assert_no_leaks();
}

// ---- Two traits of one name from two modules, with one method name, on one class. ----

mod shape_a {
    use jitclass::jit;

    #[jit]
    pub trait Shape {
        fn area(&self) -> f64;
    }
}

mod shape_b {
    use jitclass::jit;

    #[jit]
    pub trait Shape {
        fn area(&self) -> f64;
        fn doubled(&self) -> f64 {
            2.0
        }
    }
}

#[jitclass]
pub struct TwoShapes {
    r: f64,
}

#[jitclass]
impl TwoShapes {
    pub fn make(r: f64) -> TwoShapes {
        TwoShapes { r }
    }
}

#[jitclass]
impl shape_a::Shape for TwoShapes {
    fn area(&self) -> f64 {
        self.r
    }
}

#[jitclass]
impl shape_b::Shape for TwoShapes {
    fn area(&self) -> f64 {
        2.0 * self.r
    }
}

/// rustc builds both impls (a call `t.area()` alone would be E0034); they were refused
/// with E0428 "the name `__JITCLASS_TwoShapes_Shape_area` is defined multiple times".
#[test]
fn fixed_two_traits_of_one_name_on_one_class() {
    let _memory = memory_test();
    {
        let t = TwoShapes::make(1.5);
        assert_eq!(shape_a::Shape::area(&t), 1.5);
        assert_eq!(shape_b::Shape::area(&t), 3.0);
        assert_eq!(shape_b::Shape::doubled(&t), 2.0);
    }
    assert_no_leaks();
}

// ---- A private trait used from a child module; a trait method named like a field; a
// default method returning `Self`. ----

#[jit]
trait Probe {
    fn r(&self) -> f64;
    fn base(&self) -> f64;
    fn via_generic(&self) -> f64 {
        (self.base() + self.r()) * 10.0
    }
    fn fresh(&self) -> Self
    where
        Self: Sized;
}

mod probe_child {
    use super::Probe;
    use jitclass::{jit, jitclass};

    #[jitclass]
    pub struct Disk {
        r: f64,
    }

    #[jitclass]
    impl Disk {
        pub fn make(r: f64) -> Disk {
            Disk { r }
        }
    }

    #[jitclass]
    impl Probe for Disk {
        // Named like the field: rustc's `d.r()` is this method, `d.r` the field.
        fn r(&self) -> f64 {
            self.r * 100.0
        }
        fn base(&self) -> f64 {
            self.r
        }
        fn fresh(&self) -> Self {
            Disk { r: self.r + 1.0 }
        }
    }

    #[jit]
    pub fn in_jit(r: f64) -> f64 {
        let d = Disk::make(r);
        let e = d.fresh();
        d.r() + d.r + e.via_generic()
    }
}

#[test]
fn private_trait_child_module_field_named_method() {
    let _memory = memory_test();
    {
        // rustc: d.r() = 200, d.r = 2, e = Disk { r: 3 }: (3 + 300) * 10.
        assert_eq!(probe_child::in_jit(2.0), 200.0 + 2.0 + 3030.0);
        let d = probe_child::Disk::make(2.0);
        let e = Probe::fresh(&d);
        assert_eq!(Probe::via_generic(&e), 3030.0);
        assert_eq!(Probe::r(&d), 200.0);
    }
    assert_no_leaks();
}
