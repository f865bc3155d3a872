//! Operator traits of `#[jitclass]` types, used with operator syntax in jit code and Rust.

use crate::balanced_since;
use crate::fixtures::{RCell, RNode};
use jitclass::{jit, jitclass};
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, MulAssign, Neg, Sub};

#[jitclass]
pub struct V2 {
    x: f64,
    y: f64,
}

#[jitclass]
impl V2 {
    pub fn new(x: f64, y: f64) -> V2 {
        V2 { x, y }
    }

    pub fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }
}

#[jitclass]
impl Add for V2 {
    type Output = V2;
    fn add(self, other: V2) -> V2 {
        V2::new(self.x + other.x, self.y + other.y)
    }
}

#[jitclass]
impl Sub for V2 {
    type Output = V2;
    fn sub(self, other: V2) -> V2 {
        V2::new(self.x - other.x, self.y - other.y)
    }
}

/// Scaling by a number and the dot product: two impls of one operator.
#[jitclass]
impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2::new(self.x * k, self.y * k)
    }
}

#[jitclass]
impl Mul<V2> for V2 {
    type Output = f64;
    fn mul(self, other: V2) -> f64 {
        self.x * other.x + self.y * other.y
    }
}

#[jitclass]
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2::new(-self.x, -self.y)
    }
}

#[jitclass]
impl AddAssign for V2 {
    fn add_assign(&mut self, other: V2) {
        self.x += other.x;
        self.y += other.y;
    }
}

#[jitclass]
impl PartialEq for V2 {
    fn eq(&self, other: &V2) -> bool {
        self.x == other.x && self.y == other.y
    }
}

/// Ordered by length.
#[jitclass]
impl PartialOrd for V2 {
    fn lt(&self, other: &V2) -> bool {
        self.norm2() < other.norm2()
    }
}

#[jit]
fn combination(a: V2, b: V2) -> V2 {
    let mut c = (a.clone() + b) * 2.0 - -a;
    c += V2::new(0.5, 0.5);
    c
}

#[jit]
fn dot(a: V2, b: V2) -> f64 {
    a * b
}

#[jit]
fn compare(a: V2, b: V2) -> (bool, bool, bool, bool, bool, bool) {
    (a == b, a != b, a < b, a > b, a <= b, a >= b)
}

#[jit]
fn longest(vs_x: &[f64], vs_y: &[f64]) -> V2 {
    let mut best = V2::new(vs_x[0], vs_y[0]);
    for i in 1..vs_x.len() {
        let v = V2::new(vs_x[i], vs_y[i]);
        if v > best {
            best = v;
        }
    }
    best
}

#[test]
fn operators_in_jit_code() {
    let _memory = crate::memory_test();
    let c = combination(V2::new(1.0, 2.0), V2::new(3.0, 4.0));
    assert_eq!((c.x(), c.y()), (9.5, 14.5));
    assert_eq!(dot(V2::new(1.0, 2.0), V2::new(3.0, 4.0)), 11.0);
    let (a, b) = (V2::new(1.0, 0.0), V2::new(0.0, 2.0));
    assert_eq!(
        compare(a.clone(), b.clone()),
        (false, true, true, false, true, false)
    );
    assert_eq!(
        compare(a.clone(), a.clone()),
        (true, false, false, false, true, true)
    );
    assert_eq!(
        compare(b.clone(), V2::new(2.0, 0.0)),
        (false, true, false, false, false, false)
    );
    let best = longest(&[1.0, -3.0, 2.0], &[1.0, 0.5, 2.0]);
    assert_eq!((best.x(), best.y()), (-3.0, 0.5));
    drop((a, b, c, best));
    crate::assert_no_leaks();
}

#[test]
fn operators_from_rust() {
    let _memory = crate::memory_test();
    let a = V2::new(1.0, 2.0);
    let b = V2::new(3.0, 4.0);
    let sum = a.clone() + b.clone();
    assert_eq!((sum.x(), sum.y()), (4.0, 6.0));
    assert_eq!(a.clone() * b.clone(), 11.0);
    let scaled = a.clone() * 3.0;
    assert_eq!(scaled.y(), 6.0);
    assert_eq!((-a.clone()).x(), -1.0);
    let mut acc = V2::new(0.0, 0.0);
    acc += a.clone();
    acc += a.clone();
    assert_eq!(acc.x(), 2.0);
    assert!(a == V2::new(1.0, 2.0));
    assert!(a != b);
    assert!(a < b);
    assert_eq!(a.partial_cmp(&b), Some(std::cmp::Ordering::Less));
    assert_eq!(
        a.partial_cmp(&V2::new(2.0, 1.0)),
        None,
        "same length, not equal: unordered"
    );
    assert_eq!(V2::strong_count(&a), Some(1));
    drop((a, b, sum, scaled, acc));
    crate::assert_no_leaks();
}

#[test]
fn operator_dispatchers_compile_once_per_impl() {
    let _memory = crate::memory_test();
    let info = <V2 as jitclass::JitClass>::class_info();
    assert!(info.dispatcher("Add::add").is_some());
    assert!(info.dispatcher("norm2").is_some());
    // Two impls of `Mul`: no single dispatcher by that name.
    assert!(info.dispatcher("Mul::mul").is_none());
    assert!(info.method_names().contains(&"PartialOrd::lt"));
    crate::assert_no_leaks();
}

#[test]
fn operator_methods_are_also_found_by_their_own_name() {
    let _memory = crate::memory_test();
    let info = <V2 as jitclass::JitClass>::class_info();
    let add = info.dispatcher("add").expect("`add` is `Add::add`");
    assert!(std::ptr::eq(add, info.dispatcher("Add::add").unwrap()));
    assert!(info.dispatcher("lt").is_some());
    // Two impls of `Mul`; no `Div` impl; `le` is provided by Rust, not defined.
    assert!(info.dispatcher("mul").is_none());
    assert!(info.dispatcher("div").is_none());
    assert!(info.dispatcher("le").is_none());
    // A trait's name alone, or a method name with the wrong trait, names nothing.
    assert!(info.dispatcher("Add").is_none());
    assert!(info.dispatcher("Sub::add").is_none());
    crate::assert_no_leaks();
}

// ---- Index / IndexMut ----------------------------------------------------------------

#[jitclass]
pub struct V3 {
    x: f64,
    y: f64,
    z: f64,
    visits: (i64, Point1),
}

#[jitclass]
pub struct Point1 {
    w: f64,
}

#[jitclass]
impl V3 {
    pub fn new(x: f64, y: f64, z: f64) -> V3 {
        V3 {
            x,
            y,
            z,
            visits: (0, Point1 { w: 7.0 }),
        }
    }
}

#[jitclass]
impl Index<usize> for V3 {
    type Output = f64;
    fn index(&self, i: usize) -> &f64 {
        if i == 0 {
            &self.x
        } else if i == 1 {
            &self.y
        } else if i == 2 {
            &self.z
        } else if i == 3 {
            &self.visits.1.w
        } else {
            panic!("index {} out of range for V3", i)
        }
    }
}

#[jitclass]
impl IndexMut<usize> for V3 {
    fn index_mut(&mut self, i: usize) -> &mut f64 {
        self.visits.0 += 1;
        if i == 0 {
            &mut self.x
        } else if i == 1 {
            &mut self.y
        } else {
            &mut self.z
        }
    }
}

#[jit]
fn sum_and_scale(v: V3, k: f64) -> f64 {
    let mut v = v;
    let mut total = 0.0;
    for i in 0..4 {
        total += v[i];
    }
    for i in 0..3 {
        v[i] *= k;
    }
    v[2] = -1.0;
    total
}

#[jit]
fn read_fresh(i: usize) -> f64 {
    V3::new(1.0, 2.0, 3.0)[i]
}

#[test]
fn index_and_index_mut_in_jit_code() {
    let _memory = crate::memory_test();
    let mut v = V3::new(1.0, 2.0, 3.0);
    assert_eq!(sum_and_scale(v.clone(), 10.0), 13.0);
    assert_eq!((v.x(), v.y(), v.z()), (10.0, 20.0, -1.0));
    assert_eq!(v.visits().0, 4);
    // From Rust: value methods, not `std::ops::Index` (no `&f64` into a shared payload).
    assert_eq!(v.index(1), 20.0);
    v.set_index(0, 5.5);
    assert_eq!(v.x(), 5.5);
    assert_eq!(read_fresh(2), 3.0);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_fresh(9)));
    let message = *caught.unwrap_err().downcast::<String>().unwrap();
    assert!(
        message.starts_with("index 9 out of range for V3"),
        "{message}"
    );
    drop(v);
    crate::assert_no_leaks();
}

// ---- compound assignment with other right-hand types --------------------------------

/// Two `MulAssign` impls (by a number, by another vector) and `AddAssign<f64>`: `d *= k`
/// picks the impl by `k`'s type, as rustc does.
#[jitclass]
pub struct S2 {
    x: f64,
    y: f64,
}

#[jitclass]
impl S2 {
    pub fn new(x: f64, y: f64) -> S2 {
        S2 { x, y }
    }
}

#[jitclass]
impl MulAssign<f64> for S2 {
    fn mul_assign(&mut self, k: f64) {
        self.x *= k;
        self.y *= k;
    }
}

#[jitclass]
impl MulAssign<S2> for S2 {
    fn mul_assign(&mut self, other: S2) {
        self.x *= other.x;
        self.y *= other.y;
    }
}

#[jitclass]
impl AddAssign<f64> for S2 {
    fn add_assign(&mut self, k: f64) {
        self.x += k;
        self.y += k;
    }
}

/// A class holding an `S2`: compound assignment on a field.
#[jitclass]
pub struct Scaler {
    v: S2,
    k: f64,
}

#[jitclass]
impl Scaler {
    pub fn new(v: S2, k: f64) -> Scaler {
        Scaler { v, k }
    }

    pub fn apply(&mut self, by: S2) -> f64 {
        self.v *= self.k;
        self.v += 0.25;
        self.v *= by;
        self.v.x + self.v.y
    }
}

/// The same struct and impls in plain Rust, to compare with.
mod plain {
    use std::ops::{AddAssign, MulAssign};

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct S2 {
        pub x: f64,
        pub y: f64,
    }

    impl MulAssign<f64> for S2 {
        fn mul_assign(&mut self, k: f64) {
            self.x *= k;
            self.y *= k;
        }
    }

    impl MulAssign<S2> for S2 {
        fn mul_assign(&mut self, other: S2) {
            self.x *= other.x;
            self.y *= other.y;
        }
    }

    impl AddAssign<f64> for S2 {
        fn add_assign(&mut self, k: f64) {
            self.x += k;
            self.y += k;
        }
    }

    pub struct Scaler {
        pub v: S2,
        pub k: f64,
    }

    impl Scaler {
        pub fn apply(&mut self, by: S2) -> f64 {
            self.v *= self.k;
            self.v += 0.25;
            self.v *= by;
            self.v.x + self.v.y
        }
    }
}

/// The case: an instance copied into a local, then `*=` by a number.
#[jit]
fn scaled_x(a: S2, k: f64) -> f64 {
    let mut d = a;
    d *= k;
    d.x
}

fn scaled_x_rust(a: plain::S2, k: f64) -> f64 {
    let mut d = a;
    d *= k;
    d.x
}

#[jit]
fn mixed_updates(a: S2, b: S2, k: f64) -> (f64, f64) {
    let mut d = a;
    d *= k;
    d += 1.5;
    d *= b;
    d *= 2.0;
    d += k;
    (d.x, d.y)
}

fn mixed_updates_rust(a: plain::S2, b: plain::S2, k: f64) -> (f64, f64) {
    let mut d = a;
    d *= k;
    d += 1.5;
    d *= b;
    d *= 2.0;
    d += k;
    (d.x, d.y)
}

/// The same for a binary operator on a copied instance (`d * k` once made `d` an `f64`).
#[jit]
fn scaled_copy(a: V2, k: f64) -> f64 {
    let d = a;
    let e = d * k;
    e.x
}

#[test]
fn compound_assignment_picks_the_impl_by_the_right_operand() {
    let _memory = crate::memory_test();
    assert_eq!(scaled_copy(V2::new(1.5, 2.0), 4.0), 6.0);
    for (x, y, k) in [(1.0, 2.0, 3.0), (-0.5, 4.0, 0.25), (0.0, -7.0, -2.0)] {
        let rust = plain::S2 { x, y };
        assert_eq!(scaled_x(S2::new(x, y), k), scaled_x_rust(rust, k));
        let other = plain::S2 { x: k, y: -k };
        assert_eq!(
            mixed_updates(S2::new(x, y), S2::new(k, -k), k),
            mixed_updates_rust(rust, other, k)
        );
        let mut held = plain::Scaler { v: rust, k };
        let mut s = Scaler::new(S2::new(x, y), k);
        assert_eq!(s.apply(S2::new(2.0, 3.0)), held.apply(other_of(2.0, 3.0)));
        assert_eq!((s.v().x(), s.v().y()), (held.v.x, held.v.y));
    }
    // From Rust, the handle takes the same impls.
    let mut h = S2::new(1.0, 2.0);
    h *= 4.0;
    h *= S2::new(0.5, 2.0);
    h += 1.0;
    assert_eq!((h.x(), h.y()), (3.0, 17.0));
    drop(h);
    crate::assert_no_leaks();
}

fn other_of(x: f64, y: f64) -> plain::S2 {
    plain::S2 { x, y }
}

// Generic, so that jitclass checks them at the first call (rustc checks the same bodies
// written without generics at build time: `tests/ui/operators/compound_*.rs`).
#[jit]
fn multiply_by_an_integer<K>(a: S2, k: K) -> f64 {
    let mut d = a;
    d *= k;
    d.x
}

#[jit]
fn add_an_integer<K>(a: S2, k: K) -> f64 {
    let mut d = a;
    d += k;
    d.x
}

#[jit]
fn divide<K>(a: S2, k: K) -> f64 {
    let mut d = a;
    d /= k;
    d.x
}

#[test]
fn compound_assignment_without_a_matching_impl_is_rustcs_error() {
    // Several impls, none taking `i32`: the trait's own message, as rustc (E0277).
    let err = multiply_by_an_integer::dispatcher()
        .compile(&[jitclass::Type::I32])
        .unwrap_err();
    assert_eq!(err.message(), "cannot multiply-assign `S2` by `i32`");
    assert!(
        err.to_string()
            .contains("no `#[jitclass] impl MulAssign<i32>`"),
        "{err}"
    );
    // One impl: it is the one, and the operand does not fit it (rustc: E0308).
    let err = add_an_integer::dispatcher()
        .compile(&[jitclass::Type::I32])
        .unwrap_err();
    assert_eq!(
        err.message(),
        "mismatched types: expected `f64`, found `i32`"
    );
    // No impl of the trait at all (rustc: E0368).
    let err = divide::dispatcher()
        .compile(&[jitclass::Type::F64])
        .unwrap_err();
    assert_eq!(
        err.message(),
        "binary assignment operation `/=` cannot be applied to type `S2`"
    );
}

// ---- probes: operators, Index/IndexMut, getters and setters on temporaries ---------------

#[jitclass]
pub struct Bag {
    a: RCell,
    b: RCell,
    inner: Option<RNode>,
}

#[jitclass]
impl Bag {
    pub fn new(x: i64, y: i64) -> Bag {
        Bag {
            a: RCell::new(x),
            b: RCell::new(y),
            inner: Some(RNode::new(x + y, None)),
        }
    }

    #[getter]
    pub fn first(&self) -> RCell {
        self.a.clone()
    }

    #[setter]
    pub fn set_first(&mut self, c: RCell) {
        self.a = c;
    }
}

#[jitclass]
impl Index<usize> for Bag {
    type Output = RCell;
    fn index(&self, i: usize) -> &RCell {
        if i == 0 { &self.a } else { &self.b }
    }
}

#[jitclass]
impl IndexMut<usize> for Bag {
    fn index_mut(&mut self, i: usize) -> &mut RCell {
        if i == 0 { &mut self.a } else { &mut self.b }
    }
}

#[jitclass]
impl Add for Bag {
    type Output = Bag;
    fn add(self, o: Bag) -> Bag {
        Bag::new(self.a.value + o.a.value, self.b.value + o.b.value)
    }
}

#[jit]
fn temporaries(k: i64) -> i64 {
    let mut total = 0;
    total += (Bag::new(1, 2) + Bag::new(10, 20)).b.value; // 22
    total += Bag::new(3, 4)[1].value; // 4
    Bag::new(5, 6)[0] = RCell::new(7);
    total += Bag::new(5, 6).first.value; // 5
    Bag::new(5, 6).first = RCell::new(k);
    let mut bag = Bag::new(8, 9);
    bag[0] = bag[1].clone();
    bag[1] = RCell::new(100);
    total += bag[0].value + bag[1].value; // 109
    bag.first = bag[1].clone();
    total += bag.first.value; // 100
    let c = bag[0].clone();
    bag[0] = RCell::new(1);
    total += c.value; // 100
    total += (bag + Bag::new(0, 0) + Bag::new(1, 1)).a.value; // 2
    total
}

#[test]
fn ok_operators_index_properties_on_temporaries() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(temporaries(3), 22 + 4 + 5 + 109 + 100 + 100 + 2);
    assert!(balanced_since(&before));
}

/// A `lt` that is not a strict order (`<=`), and an `eq` that panics above 100: what
/// `>`, `<=` and `>=` mean is Rust's default `gt`, `le`, `ge` through the generated
/// `partial_cmp` (`lt(a, b)`, then `lt(b, a)`, then `eq(a, b)`, each only if needed).
#[jitclass]
pub struct Loose {
    x: f64,
}

#[jitclass]
impl Loose {
    pub fn new(x: f64) -> Loose {
        Loose { x }
    }
}

#[jitclass]
impl PartialEq for Loose {
    fn eq(&self, other: &Loose) -> bool {
        if self.x > 100.0 {
            panic!("eq of {}", self.x);
        }
        self.x == other.x
    }
}

#[jitclass]
impl PartialOrd for Loose {
    fn lt(&self, other: &Loose) -> bool {
        self.x <= other.x
    }
}

#[jit]
fn loose_compare(a: Loose, b: Loose) -> (bool, bool, bool, bool) {
    (a < b, a > b, a <= b, a >= b)
}

#[test]
fn fixed_provided_comparisons_are_rusts_defaults() {
    let _memory = crate::memory_test();
    for (a, b) in [
        (1.0, 1.0),
        (1.0, 2.0),
        (2.0, 1.0),
        (f64::NAN, 1.0),
        (200.0, 300.0),
    ] {
        let (ra, rb) = (Loose::new(a), Loose::new(b));
        let rust = (ra < rb, ra > rb, ra <= rb, ra >= rb);
        assert_eq!(loose_compare(ra, rb), rust, "({a}, {b})");
    }
    // Neither `lt` holds, so both reach `eq`, which panics, in jit code as in Rust.
    let (a, b) = (Loose::new(f64::NAN), Loose::new(200.0));
    let rust = std::panic::catch_unwind(|| Loose::new(200.0) >= Loose::new(f64::NAN));
    let jit = std::panic::catch_unwind(|| loose_compare(b, a));
    assert!(rust.is_err() && jit.is_err());
    crate::assert_no_leaks();
}
