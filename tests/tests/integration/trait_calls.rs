//! Trait functions beside inherent functions and other traits' of one name, and called
//! by path (`<C as Trait>::f(&c)`, `C::f(&c)`, `S::f(s)`, `Trait::f(s)`), in jit code
//! (issue 17), compared with rustc's build of the same code (`rust`), the memory runtime
//! balanced.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

#[jit]
pub trait Area {
    fn area(&self) -> f64;
    fn doubled(&self) -> f64 {
        self.area() * 2.0
    }
    fn unit() -> Self;
}

#[jit]
pub trait Label {
    fn area(&self) -> f64 {
        100.0
    }
    fn bump(&mut self);
    fn labelled(&self) -> f64 {
        self.area() + 1.0
    }
}

#[jitclass]
pub struct Disc {
    r: f64,
}

#[jitclass]
impl Disc {
    pub fn new(r: f64) -> Disc {
        Disc { r }
    }
    pub fn area(&self) -> f64 {
        -self.r
    }
    pub fn grow(&mut self) {
        self.r += 1.0;
    }
    pub fn radius(&self) -> f64 {
        self.r
    }
}

#[jitclass]
impl Area for Disc {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn unit() -> Self {
        Disc { r: 1.0 }
    }
}

#[jitclass]
impl Label for Disc {
    fn bump(&mut self) {
        self.r += 10.0;
    }
}

#[jitclass]
pub struct Plate {
    w: f64,
}

#[jitclass]
impl Plate {
    pub fn new(w: f64) -> Plate {
        Plate { w }
    }
}

#[jitclass]
impl Area for Plate {
    fn area(&self) -> f64 {
        self.w * self.w
    }
    fn unit() -> Self {
        Plate { w: 1.0 }
    }
}

#[jit]
fn by_name_and_path(r: f64) -> f64 {
    let mut d = Disc::new(r);
    // The inherent function, by name and by the class's path.
    let by_name = d.area();
    let inherent = Disc::area(&d);
    // Each trait's, by a qualified path.
    let of_area = <Disc as Area>::area(&d);
    let of_label = <Disc as Label>::area(&d);
    // `&mut self` functions with the receiver as first argument.
    Disc::grow(&mut d);
    <Disc as Label>::bump(&mut d);
    let u = <Disc as Area>::unit();
    by_name
        + 10.0 * inherent
        + 100.0 * of_area
        + 1000.0 * of_label
        + d.doubled()
        + d.labelled()
        + u.doubled()
        + d.radius()
}

#[jit]
fn through_bound<S: Area>(s: S) -> f64 {
    // All the trait's (rustc reaches no inherent function through `S`).
    s.area() + 10.0 * S::area(&s) + 100.0 * <S as Area>::area(&s) + 1000.0 * Area::area(&s)
}

#[jit]
fn sum_through_bound<S>(xs: &[S]) -> f64
where
    S: Area,
{
    let mut t = 0.0;
    for x in xs {
        t += x.area() + S::doubled(x);
    }
    t
}

#[jit]
fn bound_from_jit(r: f64) -> f64 {
    let d = Disc::new(r);
    let p = Plate { w: r };
    through_bound(d) + through_bound(p)
}

/// The same program, as rustc builds it.
mod rust {
    pub trait Area {
        fn area(&self) -> f64;
        fn doubled(&self) -> f64 {
            self.area() * 2.0
        }
        fn unit() -> Self;
    }

    pub trait Label {
        fn area(&self) -> f64 {
            100.0
        }
        fn bump(&mut self);
        fn labelled(&self) -> f64 {
            self.area() + 1.0
        }
    }

    pub struct Disc {
        r: f64,
    }

    impl Disc {
        pub fn new(r: f64) -> Disc {
            Disc { r }
        }
        pub fn area(&self) -> f64 {
            -self.r
        }
        pub fn grow(&mut self) {
            self.r += 1.0;
        }
        pub fn radius(&self) -> f64 {
            self.r
        }
    }

    impl Area for Disc {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
        fn unit() -> Self {
            Disc { r: 1.0 }
        }
    }

    impl Label for Disc {
        fn bump(&mut self) {
            self.r += 10.0;
        }
    }

    pub struct Plate {
        pub w: f64,
    }

    impl Area for Plate {
        fn area(&self) -> f64 {
            self.w * self.w
        }
        fn unit() -> Self {
            Plate { w: 1.0 }
        }
    }

    pub fn by_name_and_path(r: f64) -> f64 {
        let mut d = Disc::new(r);
        let by_name = d.area();
        let inherent = Disc::area(&d);
        let of_area = <Disc as Area>::area(&d);
        let of_label = <Disc as Label>::area(&d);
        Disc::grow(&mut d);
        <Disc as Label>::bump(&mut d);
        let u = <Disc as Area>::unit();
        by_name
            + 10.0 * inherent
            + 100.0 * of_area
            + 1000.0 * of_label
            + d.doubled()
            + d.labelled()
            + u.doubled()
            + d.radius()
    }

    pub fn through_bound<S: Area>(s: S) -> f64 {
        s.area() + 10.0 * S::area(&s) + 100.0 * <S as Area>::area(&s) + 1000.0 * Area::area(&s)
    }

    pub fn sum_through_bound<S>(xs: &[S]) -> f64
    where
        S: Area,
    {
        let mut t = 0.0;
        for x in xs {
            t += x.area() + S::doubled(x);
        }
        t
    }

    pub fn bound_from_jit(r: f64) -> f64 {
        let d = Disc::new(r);
        let p = Plate { w: r };
        through_bound(d) + through_bound(p)
    }
}

#[test]
fn inherent_first_by_name_each_trait_by_its_path() {
    let _memory = memory_test();
    for r in [1.0, 2.5, -0.5] {
        assert_eq!(by_name_and_path(r), rust::by_name_and_path(r));
    }
    assert_no_leaks();
}

#[test]
fn a_bounded_parameter_reaches_its_traits_functions_only() {
    let _memory = memory_test();
    {
        let d = Disc::new(2.0);
        let rd = rust::Disc::new(2.0);
        assert_eq!(through_bound(d), rust::through_bound(rd));
        let ds = [Disc::new(1.0), Disc::new(3.0)];
        let rds = [rust::Disc::new(1.0), rust::Disc::new(3.0)];
        assert_eq!(sum_through_bound(&ds), rust::sum_through_bound(&rds));
        let ps = [Plate::new(2.0)];
        let rps = [rust::Plate { w: 2.0 }];
        assert_eq!(sum_through_bound(&ps), rust::sum_through_bound(&rps));
        assert_eq!(bound_from_jit(1.5), rust::bound_from_jit(1.5));
    }
    assert_no_leaks();
}

#[test]
fn rust_calls_see_the_same_functions() {
    let _memory = memory_test();
    {
        let d = Disc::new(2.0);
        let rd = rust::Disc::new(2.0);
        assert_eq!(d.area(), rd.area());
        assert_eq!(Area::area(&d), rust::Area::area(&rd));
        assert_eq!(Label::area(&d), rust::Label::area(&rd));
        assert_eq!(d.doubled(), rust::Area::doubled(&rd));
        assert_eq!(d.labelled(), rust::Label::labelled(&rd));
    }
    assert_no_leaks();
}

// ---- Two traits' functions of one name and no inherent one: rustc's E0034. ----

#[jit]
pub trait Left {
    fn side(&self) -> i64 {
        1
    }
}

#[jit]
pub trait Right {
    fn side(&self) -> i64 {
        2
    }
}

#[jitclass]
pub struct Both {
    k: i64,
}

#[jitclass]
impl Both {
    pub fn make(k: i64) -> Both {
        Both { k }
    }
}

#[jitclass]
impl Left for Both {}

#[jitclass]
impl Right for Both {}

/// Duck-typed (no bound): rustc would refuse the call at build time; jitclass sees the
/// class at the first call, and refuses it there in rustc's words.
#[jit]
fn side_of<T>(x: T) -> i64 {
    x.side()
}

#[jit]
fn sides(k: i64) -> i64 {
    let b = Both { k };
    <Both as Left>::side(&b) + 10 * <Both as Right>::side(&b) + b.k
}

#[test]
fn two_traits_one_name_need_a_path() {
    let _memory = memory_test();
    // rustc: `<Both as Left>::side` is 1, `<Both as Right>::side` 2.
    assert_eq!(sides(100), 121);
    {
        let b = Both::make(0);
        let message = panic_message(|| side_of(b));
        assert!(
            message.contains("multiple applicable items in scope")
                && message.contains(
                    "candidate #1 is defined in an impl of the trait `Left` for the type `Both`"
                )
                && message.contains(
                    "candidate #2 is defined in an impl of the trait `Right` for the type `Both`"
                ),
            "{message}"
        );
    }
    assert_no_leaks();
}

// ---- A generic jit fn called from jit code with a class lacking a bound's impl. ----

#[jitclass]
pub struct Bare {
    x: f64,
}

#[jitclass]
impl Bare {
    pub fn make(x: f64) -> Bare {
        Bare { x }
    }
    // An inherent function of the bound's function's name: duck typing would call it.
    pub fn area(&self) -> f64 {
        self.x
    }
}

#[jit]
fn total_area<S: Area>(xs: &[S]) -> f64 {
    let mut t = 0.0;
    for x in xs {
        t += x.area();
    }
    t
}

/// Duck-typed (no bound): rustc would ask for `T: Area` here; jitclass specialises it
/// per class, and checks `total_area`'s bound on the class at the first call.
#[jit]
fn forward<T>(xs: &[T]) -> f64 {
    total_area(xs)
}

/// rustc: a call of `total_area` with `Bare` is E0277 "the trait bound `Bare: Area` is
/// not satisfied" at the argument (from a non-generic jit fn, rustc's check of the
/// shadow says so at build time); through a duck-typed generic caller, jitclass refuses
/// it at the first call, in those words, at that argument (a class that implements the
/// bound is called as before).
#[test]
fn a_jit_call_checks_the_callees_bounds() {
    let _memory = memory_test();
    {
        let discs = [Disc::new(1.0), Disc::new(1.0)];
        assert_eq!(forward(&discs), 6.0);
        let bares = [Bare::make(2.0)];
        let message = panic_message(|| forward(&bares));
        assert!(
            message.contains("the trait bound `Bare: Area` is not satisfied")
                && message.contains("the trait `Area` is not implemented for `Bare`"),
            "{message}"
        );
        let line = line!() - 21;
        assert!(
            message.contains(&format!("trait_calls.rs:{line}:16")),
            "{message} (expected line {line})"
        );
    }
    assert_no_leaks();
}
