//! Adversarial review (issue 12, items 5 and 6): what rustc rejects, jitclass must reject
//! (at build time, or at the first call for bodies rustc never sees), in rustc's words.

use jitclass::{jit, jitclass};
use std::panic::{AssertUnwindSafe, catch_unwind};

fn panic_message<R>(f: impl FnOnce() -> R) -> Option<String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => None,
        Err(payload) => Some(match payload.downcast::<String>() {
            Ok(s) => *s,
            Err(payload) => payload.downcast_ref::<&str>().unwrap().to_string(),
        }),
    }
}

// Literals out of range are build errors now: in a body using a class rustc rejects them
// through the shadow (`tests/ui/classes/literal_out_of_range_in_class_body.rs`), in a
// generic body jitclass does, for every type (`tests/ui/generics/*literal_out_of_range*`).

// ---- compound assignment on classes with several impls: the literal's type -------------

#[jitclass]
pub struct Sc {
    v: f64,
}

#[jitclass]
impl Sc {
    pub fn new(v: f64) -> Sc {
        Sc { v }
    }
}

#[jitclass]
impl std::ops::MulAssign<f64> for Sc {
    fn mul_assign(&mut self, k: f64) {
        self.v *= k;
    }
}

#[jitclass]
impl std::ops::MulAssign<f32> for Sc {
    fn mul_assign(&mut self, k: f32) {
        self.v *= k as f64 * 10.0;
    }
}

#[jitclass]
impl std::ops::Mul<f64> for Sc {
    type Output = Sc;
    fn mul(self, k: f64) -> Sc {
        Sc::new(self.v * k)
    }
}

#[jitclass]
impl std::ops::Mul<f32> for Sc {
    type Output = Sc;
    fn mul(self, k: f32) -> Sc {
        Sc::new(self.v * k as f64 * 10.0)
    }
}

#[jit]
fn sc_mul_assign_float(mut s: Sc) -> f64 {
    s *= 2.0;
    s.v
}

/// rustc takes `3.0` as `f64` only at the end (literal fallback), so the product's type
/// is known for `t`'s annotation but not yet as a receiver.
#[jit]
fn sc_mul_float(s: Sc) -> f64 {
    let t: Sc = s * 3.0;
    t.v
}

// Generic (`_t` is unused), so that jitclass checks it at the first call: rustc rejects
// the body without generics (E0282 type annotations needed, at `(s * 3.0)`).
#[jit]
fn sc_mul_float_field<T>(s: Sc, _t: T) -> f64 {
    (s * 3.0).v
}

#[jitclass]
pub struct Si {
    v: f64,
}

#[jitclass]
impl Si {
    pub fn new(v: f64) -> Si {
        Si { v }
    }
}

#[jitclass]
impl std::ops::MulAssign<i64> for Si {
    fn mul_assign(&mut self, k: i64) {
        self.v *= k as f64;
    }
}

#[jitclass]
impl std::ops::MulAssign<u8> for Si {
    fn mul_assign(&mut self, k: u8) {
        self.v *= k as f64 * 10.0;
    }
}

/// rustc: error[E0277]: cannot multiply-assign `Si` by `i32` (at build time without the
/// generic `_t`, which makes jitclass check it at the first call).
#[jit]
fn si_mul_assign_int<T>(mut s: Si, _t: T) -> f64 {
    s *= 2;
    s.v
}

#[test]
fn review_float_literal_picks_the_f64_impl() {
    let _memory = crate::memory_test();
    let got = (
        panic_message(|| sc_mul_assign_float(Sc::new(1.0))),
        panic_message(|| sc_mul_float(Sc::new(1.0))),
    );
    assert_eq!(got, (None, None));
    assert_eq!(
        (
            sc_mul_assign_float(Sc::new(1.0)),
            sc_mul_float(Sc::new(1.0))
        ),
        (2.0, 3.0)
    );
    let m = panic_message(|| sc_mul_float_field(Sc::new(1.0), ()));
    assert!(
        m.as_deref()
            .is_some_and(|m| m.contains("type annotations needed")),
        "{m:?}"
    );
    crate::assert_no_leaks();
}

#[test]
fn review_int_literal_with_two_int_impls() {
    let _memory = crate::memory_test();
    let m = panic_message(|| si_mul_assign_int(Si::new(1.0), ()));
    assert!(
        m.as_deref()
            .is_some_and(|m| m.contains("cannot multiply-assign `Si` by `i32`")),
        "{m:?}"
    );
    crate::assert_no_leaks();
}
