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

#[jit]
fn byte_literal<T>(x: T) -> u8 {
    let _ = x;
    let b: u8 = 300;
    b
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

#[jitclass]
pub struct Scale {
    k: f64,
}

#[jitclass]
impl Scale {
    /// A body using a class gets no rustc copy either.
    pub fn huge() -> Scale {
        Scale { k: 1e400 }
    }
}

#[test]
fn review_int_literal_out_of_range_in_generic_body() {
    let m = panic_message(|| byte_literal(1u8));
    assert!(
        m.as_deref()
            .is_some_and(|m| m.contains("literal out of range for `u8`")),
        "{m:?}"
    );
}

#[test]
fn review_float_literal_out_of_range_is_rejected() {
    let _memory = crate::memory_test();
    let got = [
        panic_message(|| float_literal(1u8)),
        panic_message(|| f32_literal(1u8)),
        panic_message(Scale::huge),
    ];
    crate::assert_no_leaks();
    let expected = [
        ("f64", "1e400", "float_literal"),
        ("f32", "1e39", "f32_literal"),
        ("f64", "1e400", "Scale::huge"),
    ];
    for (m, (ty, lit, what)) in got.iter().zip(expected) {
        let m = m
            .as_deref()
            .unwrap_or_else(|| panic!("{what} was accepted"));
        assert!(
            m.contains(&format!("literal out of range for `{ty}`")),
            "{what}: {m}"
        );
        assert!(
            m.contains(&format!(
                "the literal `{lit}` does not fit into the type `{ty}` and will be converted to `{ty}::INFINITY`"
            )),
            "{what}: {m}"
        );
    }
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

/// rustc takes `3.0` as `f64` only at the end (literal fallback), so the product's type
/// is known for `t`'s annotation but not yet as a receiver.
#[jit]
fn sc_mul_float(s: Sc) -> f64 {
    let t: Sc = s * 3.0;
    t.v
}

/// rustc: error[E0282]: type annotations needed (at `(s * 3.0)`).
#[jit]
fn sc_mul_float_field(s: Sc) -> f64 {
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

/// rustc: error[E0277]: cannot multiply-assign `Si` by `i32`.
#[jit]
fn si_mul_assign_int(mut s: Si) -> f64 {
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
    let m = panic_message(|| sc_mul_float_field(Sc::new(1.0)));
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
    let m = panic_message(|| si_mul_assign_int(Si::new(1.0)));
    assert!(
        m.as_deref()
            .is_some_and(|m| m.contains("cannot multiply-assign `Si` by `i32`")),
        "{m:?}"
    );
    crate::assert_no_leaks();
}
