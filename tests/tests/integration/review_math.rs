//! Adversarial review (issue 12, item 4): float methods whose operands LLVM can see as
//! constants. Jit code emits the intrinsics rustc emits for the libm-backed methods
//! (`f32::sin` is `llvm.sin.f32`), and LLVM evaluates a call on constant operands at
//! compile time, as it does in rustc's optimised builds: such a result can differ in the
//! last bit from the method called at run time (Rust leaves these methods' precision
//! unspecified), and equals rustc's optimised build of the same code. These tests compare
//! with this crate's own build, which the workspace optimises (`opt-level = 1`, where
//! rustc folds these calls as at `-O`).

use jitclass::jit;
use std::hint::black_box;

/// The same method, once on a parameter and once on a literal (the values below are
/// inputs on which the results differ).
#[jit]
fn sin_of(x: f32) -> f32 {
    x.sin()
}

#[jit]
fn sin_of_literal() -> f32 {
    9.719229f32.sin()
}

/// A jit fn called from jit code with a constant: LLVM inlines and folds.
#[jit]
fn sin_through_call() -> f32 {
    sin_of(9.719229)
}

#[jit]
fn f32_literals() -> (f32, f32, f32, f32, f32, f32) {
    (
        24.100729f32.exp(),
        86.50899f32.exp2(),
        0.8918539f32.ln(),
        0.66966546f32.log2(),
        8.291009f32.log10(),
        99.72018f32.cos(),
    )
}

#[jit]
fn powf_literal() -> f32 {
    9.54f32.powf(2.9899998)
}

#[jit]
fn exp2_literal() -> f64 {
    (-61.14401959602473f64).exp2()
}

#[jit]
fn powi_literals() -> (f64, f64, f32) {
    (1.001f64.powi(3), 1.001f64.powi(-3), 1.001f32.powi(11))
}

#[jit]
fn powi_of(x: f64, n: i32) -> f64 {
    x.powi(n)
}

#[jit]
fn powi_const_exponent(x: f64) -> f64 {
    x.powi(3)
}

#[test]
fn review_parameters_compute_rusts_results() {
    // The paths that work: an operand unknown to LLVM.
    assert_eq!(
        sin_of(black_box(9.719229)).to_bits(),
        black_box(9.719229f32).sin().to_bits()
    );
    assert_eq!(
        powi_of(1.001, 3).to_bits(),
        black_box(1.001f64).powi(black_box(3)).to_bits()
    );
    assert_eq!(
        powi_const_exponent(1.001).to_bits(),
        black_box(1.001f64).powi(3).to_bits()
    );
}

/// Rust twins of the jit fns above: rustc's build of the same code.
#[inline(never)]
fn sin_of_rust(x: f32) -> f32 {
    x.sin()
}

fn sin_through_call_rust() -> f32 {
    sin_of_rust(9.719229)
}

fn f32_literals_rust() -> (f32, f32, f32, f32, f32, f32) {
    (
        24.100729f32.exp(),
        86.50899f32.exp2(),
        0.8918539f32.ln(),
        0.66966546f32.log2(),
        8.291009f32.log10(),
        99.72018f32.cos(),
    )
}

#[test]
fn review_constant_operands_compute_rusts_results() {
    let mut diffs = Vec::new();
    let mut check32 = |what: &str, jit: f32, rust: f32| {
        if jit.to_bits() != rust.to_bits() {
            diffs.push(format!("{what}: jit {jit:e}, Rust {rust:e}"));
        }
    };
    // Constant operands: as rustc's optimised build computes the same code.
    check32(
        "9.719229f32.sin() (literal)",
        sin_of_literal(),
        9.719229f32.sin(),
    );
    check32(
        "sin_of(9.719229) from jit",
        sin_through_call(),
        sin_through_call_rust(),
    );
    let (e, e2, l, l2, l10, c) = f32_literals();
    let (re, re2, rl, rl2, rl10, rc) = f32_literals_rust();
    check32("24.100729f32.exp()", e, re);
    check32("86.50899f32.exp2()", e2, re2);
    check32("0.8918539f32.ln()", l, rl);
    check32("0.66966546f32.log2()", l2, rl2);
    check32("8.291009f32.log10()", l10, rl10);
    check32("99.72018f32.cos()", c, rc);
    check32(
        "9.54f32.powf(2.9899998)",
        powf_literal(),
        9.54f32.powf(2.9899998),
    );
    let (p3, pm3, p11) = powi_literals();
    check32("1.001f32.powi(11)", p11, 1.001f32.powi(11));
    // A jit fn called from Rust is compiled apart from its caller: its parameter is not a
    // constant to LLVM, and the call computes what the method computes at run time.
    check32(
        "sin_of(9.719229) from Rust",
        sin_of(9.719229),
        black_box(9.719229f32).sin(),
    );
    let mut check64 = |what: &str, jit: f64, rust: f64| {
        if jit.to_bits() != rust.to_bits() {
            diffs.push(format!("{what}: jit {jit:e}, Rust {rust:e}"));
        }
    };
    check64("1.001f64.powi(3)", p3, 1.001f64.powi(3));
    check64("1.001f64.powi(-3)", pm3, 1.001f64.powi(-3));
    check64(
        "(-61.14401959602473f64).exp2()",
        exp2_literal(),
        (-61.14401959602473f64).exp2(),
    );
    assert!(diffs.is_empty(), "{diffs:#?}");
    // What makes this test meaningful: on these operands the folded results differ from
    // the run-time ones (were they equal, the checks above would not tell the two apart).
    assert_ne!(
        sin_of_literal().to_bits(),
        black_box(9.719229f32).sin().to_bits()
    );
}

#[jit]
fn min_max(a: f64, b: f64) -> (f64, f64, f32, f32) {
    (
        a.min(b),
        a.max(b),
        (a as f32).min(b as f32),
        (a as f32).max(b as f32),
    )
}

#[jit]
fn min_max_literals() -> (f64, f64, f64, f64) {
    (
        (-0.0f64).max(0.0),
        0.0f64.max(-0.0),
        (-0.0f64).min(0.0),
        0.0f64.min(-0.0),
    )
}

#[test]
fn review_min_max_of_signed_zeros() {
    let pairs = [(-0.0, 0.0), (0.0, -0.0), (f64::NAN, -0.0), (-0.0, f64::NAN)];
    let mut diffs = Vec::new();
    for (a, b) in pairs {
        let (mn, mx, mn32, mx32) = min_max(a, b);
        let (a, b) = (black_box(a), black_box(b));
        let rust = (
            a.min(b),
            a.max(b),
            (a as f32).min(b as f32),
            (a as f32).max(b as f32),
        );
        if (mn.to_bits(), mx.to_bits(), mn32.to_bits(), mx32.to_bits())
            != (
                rust.0.to_bits(),
                rust.1.to_bits(),
                rust.2.to_bits(),
                rust.3.to_bits(),
            )
        {
            diffs.push(format!(
                "({a:?}, {b:?}): jit {:?}, Rust {rust:?}",
                (mn, mx, mn32, mx32)
            ));
        }
    }
    let lits = min_max_literals();
    let rust = (
        black_box(-0.0f64).max(black_box(0.0)),
        black_box(0.0f64).max(black_box(-0.0)),
        black_box(-0.0f64).min(black_box(0.0)),
        black_box(0.0f64).min(black_box(-0.0)),
    );
    let bits =
        |t: (f64, f64, f64, f64)| (t.0.to_bits(), t.1.to_bits(), t.2.to_bits(), t.3.to_bits());
    if bits(lits) != bits(rust) {
        diffs.push(format!("literals: jit {lits:?}, Rust {rust:?}"));
    }
    assert!(diffs.is_empty(), "{diffs:#?}");
}
