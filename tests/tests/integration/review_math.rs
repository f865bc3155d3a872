//! Adversarial review (issue 12, item 4): float methods whose operands LLVM can see as
//! constants. The book and `runtime/src/math.rs` promise that jit code computes what Rust's
//! methods compute in this program, bit for bit; a method whose call LLVM constant-folds
//! (with its own folding rules) computes something else.

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

#[test]
#[ignore = "BUG: libm-backed methods on operands LLVM knows are constant-folded (host double math), not Rust's method"]
fn review_constant_operands_compute_rusts_results() {
    let rust = |x: f32| black_box(x).sin();
    let mut diffs = Vec::new();
    let mut check32 = |what: &str, jit: f32, rust: f32| {
        if jit.to_bits() != rust.to_bits() {
            diffs.push(format!("{what}: jit {jit:e}, Rust {rust:e}"));
        }
    };
    check32(
        "9.719229f32.sin() (literal)",
        sin_of_literal(),
        rust(9.719229),
    );
    check32(
        "sin_of(9.719229) from jit",
        sin_through_call(),
        rust(9.719229),
    );
    check32(
        "sin_of(9.719229) from Rust",
        sin_of(9.719229),
        rust(9.719229),
    );
    let (e, e2, l, l2, l10, c) = f32_literals();
    check32("24.100729f32.exp()", e, black_box(24.100729f32).exp());
    check32("86.50899f32.exp2()", e2, black_box(86.50899f32).exp2());
    check32("0.8918539f32.ln()", l, black_box(0.8918539f32).ln());
    check32("0.66966546f32.log2()", l2, black_box(0.66966546f32).log2());
    check32("8.291009f32.log10()", l10, black_box(8.291009f32).log10());
    check32("99.72018f32.cos()", c, black_box(99.72018f32).cos());
    check32(
        "9.54f32.powf(2.9899998)",
        powf_literal(),
        black_box(9.54f32).powf(black_box(2.9899998)),
    );
    let (p3, pm3, p11) = powi_literals();
    check32(
        "1.001f32.powi(11)",
        p11,
        black_box(1.001f32).powi(black_box(11)),
    );
    let mut check64 = |what: &str, jit: f64, rust: f64| {
        if jit.to_bits() != rust.to_bits() {
            diffs.push(format!("{what}: jit {jit:e}, Rust {rust:e}"));
        }
    };
    check64(
        "1.001f64.powi(3)",
        p3,
        black_box(1.001f64).powi(black_box(3)),
    );
    check64(
        "1.001f64.powi(-3)",
        pm3,
        black_box(1.001f64).powi(black_box(-3)),
    );
    check64(
        "(-61.14401959602473f64).exp2()",
        exp2_literal(),
        black_box(-61.14401959602473f64).exp2(),
    );
    assert!(diffs.is_empty(), "{diffs:#?}");
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
