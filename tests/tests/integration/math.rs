use jitclass::jit;

#[jit]
fn f64_methods(x: f64) -> (f64, f64, f64, f64, f64, f64, f64, f64) {
    (
        x.sqrt(),
        x.abs(),
        x.exp(),
        x.ln(),
        x.sin(),
        x.cos(),
        x.floor(),
        x.ceil(),
    )
}

#[jit]
fn f64_binary(x: f64, y: f64) -> (f64, f64, f64, f64, f64, f64) {
    (
        x.powf(y),
        x.min(y),
        x.max(y),
        x.atan2(y),
        x.hypot(y),
        x.mul_add(y, 1.0),
    )
}

#[jit]
fn f64_more(x: f64) -> (f64, f64, f64, f64, f64, f64, f64) {
    (
        x.powi(3),
        x.tan(),
        x.log10(),
        x.log2(),
        x.round(),
        x.trunc(),
        x.signum(),
    )
}

#[jit]
fn f32_methods(x: f32) -> (f32, f32, f32, f32) {
    (x.sqrt(), x.tan(), x.powi(2), f32::max(x, 1.0))
}

#[jit]
fn classify_float(x: f64) -> (bool, bool, bool) {
    (x.is_nan(), x.is_infinite(), x.is_finite())
}

#[jit]
fn float_to_bits(x: f64, y: f32) -> (u64, u32, bool) {
    // The bits tell the zeros and NaNs apart, which `==` does not.
    (x.to_bits(), f32::to_bits(y), x.to_bits() == (-x).to_bits())
}

#[jit]
fn int_methods(x: i32, y: i32) -> (i32, i32, i32, i32, u32, u32, u32, i32) {
    (
        x.abs(),
        x.min(y),
        x.max(y),
        x.pow(3),
        x.count_ones(),
        x.leading_zeros(),
        x.trailing_zeros(),
        x.signum(),
    )
}

#[jit]
fn saturating(x: u8, y: u8) -> (u8, u8) {
    (x.saturating_add(y), x.saturating_sub(y))
}

#[jit]
fn path_call_forms(x: f64, y: i64) -> (f64, i64) {
    (f64::sqrt(x), i64::max(y, 3))
}

#[test]
fn float_math_matches_rust() {
    let x = 2.5f64;
    assert_eq!(
        f64_methods(x),
        (
            x.sqrt(),
            x.abs(),
            x.exp(),
            x.ln(),
            x.sin(),
            x.cos(),
            x.floor(),
            x.ceil()
        )
    );
    let (a, b) = (1.7f64, 0.3f64);
    assert_eq!(
        f64_binary(a, b),
        (
            a.powf(b),
            a.min(b),
            a.max(b),
            a.atan2(b),
            a.hypot(b),
            a.mul_add(b, 1.0)
        )
    );
    assert_eq!(
        f64_binary(f64::NAN, 1.0).1,
        1.0,
        "min ignores NaN like Rust"
    );
    for y in [-3.7f64, 3.7, 0.5] {
        let (p, t, _, _, r, tr, s) = f64_more(y);
        assert_eq!(
            (p, t, r, tr, s),
            (y.powi(3), y.tan(), y.round(), y.trunc(), y.signum())
        );
    }
    assert_eq!(f64_more(8.0).2, 8f64.log10());
    assert_eq!(f64_more(8.0).3, 3.0);
    assert!(f64_more(f64::NAN).6.is_nan());
    let z = 3.3f32;
    assert_eq!(f32_methods(z), (z.sqrt(), z.tan(), z.powi(2), z.max(1.0)));
    assert_eq!(classify_float(f64::NAN), (true, false, false));
    assert_eq!(classify_float(f64::NEG_INFINITY), (false, true, false));
    assert_eq!(classify_float(1.0), (false, false, true));
    for (x, y) in [
        (0.0f64, 0.0f32),
        (-0.0, -0.0),
        (f64::NAN, f32::NAN),
        (-f64::NAN, -f32::NAN),
        (
            f64::from_bits(0x7ff0_0000_0000_0001),
            f32::from_bits(0x7f80_0001),
        ),
        (f64::NEG_INFINITY, f32::MIN_POSITIVE),
        (-1.5e-310, 3.25),
    ] {
        assert_eq!(
            float_to_bits(x, y),
            (x.to_bits(), y.to_bits(), x.to_bits() == (-x).to_bits())
        );
    }
}

#[test]
fn integer_methods_match_rust() {
    let (x, y) = (-12i32, 5i32);
    assert_eq!(
        int_methods(x, y),
        (
            x.abs(),
            x.min(y),
            x.max(y),
            x.pow(3),
            x.count_ones(),
            x.leading_zeros(),
            x.trailing_zeros(),
            x.signum()
        )
    );
    assert_eq!(int_methods(0, 0).6, 32);
    assert_eq!(
        int_methods(i32::MIN, 0).0,
        i32::MIN,
        "abs wraps like release Rust"
    );
    assert_eq!(int_methods(3, 0).3, 27);
    assert_eq!(saturating(200, 100), (255, 100));
    assert_eq!(saturating(10, 100), (110, 0));
    assert_eq!(path_call_forms(16.0, 1), (4.0, 3));
}

#[jit]
fn cube_roots(x: f64, y: f32) -> (f64, f32) {
    (x.cbrt(), y.cbrt())
}

/// Fixed: jit code called the C library's `cbrt`, which differs from Rust's (compiled into
/// this program) by one ulp on about half of all inputs, e.g. 1.5 and 0.1. Every
/// libm-backed method now calls Rust's own implementation (`differential.rs` checks all).
#[test]
fn fixed_cbrt_is_rusts_bit_for_bit() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut inputs = vec![
        1.5,
        2.5,
        0.1,
        -0.1,
        0.0,
        -0.0,
        1e-310,
        f64::MAX,
        f64::INFINITY,
    ];
    for _ in 0..4000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        inputs.push(f64::from_bits(state));
    }
    for x in inputs {
        let (got, got32) = cube_roots(x, x as f32);
        assert!(
            got.to_bits() == x.cbrt().to_bits() || (got.is_nan() && x.is_nan()),
            "cbrt({x:e}): jit {got:e}, Rust {:e}",
            x.cbrt()
        );
        let y = x as f32;
        assert!(
            got32.to_bits() == y.cbrt().to_bits() || (got32.is_nan() && y.is_nan()),
            "cbrt({y:e}_f32): jit {got32:e}, Rust {:e}",
            y.cbrt()
        );
    }
}
