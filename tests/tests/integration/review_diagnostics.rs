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

/// rustc: `error: literal out of range for `f64`` (the deny-by-default
/// `overflowing_literals` lint).
#[jit]
fn float_literal<T>(x: T) -> f64 {
    let _ = x;
    1e400
}

#[jit]
fn f32_literal<T>(x: T) -> f32 {
    let _ = x;
    let y: f32 = 1e39;
    y
}

// A body using a class (`Scale { k: 1e400 }`) has a shadow now: rustc rejects the literal
// at build time (`tests/ui/classes/literal_out_of_range_in_class_body.rs`); an integer
// literal out of range in a generic body is refused at build time too, for every type
// (`tests/ui/generics/literal_out_of_range_in_generic_body.rs`).

#[test]
#[ignore = "BUG: a float literal out of range (`1e400`, `1e39` for f32) is accepted as infinity where rustc rejects it (overflowing_literals), in generic bodies"]
fn review_float_literal_out_of_range_is_rejected() {
    let mut accepted = Vec::new();
    if let Ok(v) = catch_unwind(|| float_literal(1u8)) {
        accepted.push(format!("float_literal -> {v}"));
    }
    if let Ok(v) = catch_unwind(|| f32_literal(1u8)) {
        accepted.push(format!("f32_literal -> {v}"));
    }
    assert!(accepted.is_empty(), "{accepted:#?}");
}

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

// Generic (`_t` is unused), so that jitclass checks it at the first call: rustc rejects
// the body without generics (E0282 type annotations needed, at `(s * 3.0)`).
#[jit]
fn sc_mul_float<T>(s: Sc, _t: T) -> f64 {
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
#[ignore = "BUG: with `MulAssign<f64>` and `MulAssign<f32>` (or `Mul<..>`), `s *= 2.0` is 'type annotations needed'; rustc takes the literal as `f64`"]
fn review_float_literal_picks_the_f64_impl() {
    let _memory = crate::memory_test();
    let got = (
        panic_message(|| sc_mul_assign_float(Sc::new(1.0))),
        panic_message(|| sc_mul_float(Sc::new(1.0), ())),
    );
    assert_eq!(got, (None, None));
    assert_eq!(
        (
            sc_mul_assign_float(Sc::new(1.0)),
            sc_mul_float(Sc::new(1.0), ())
        ),
        (2.0, 3.0)
    );
    crate::assert_no_leaks();
}

#[test]
#[ignore = "BUG: with `MulAssign<i64>` and `MulAssign<u8>`, `s *= 2` is 'type annotations needed'; rustc falls back to `i32` and says 'cannot multiply-assign `Si` by `i32`'"]
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
