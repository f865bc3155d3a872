use jitclass::jit;

#[jit]
fn add_i64(a: i64, b: i64) -> i64 {
    a + b
}

#[jit]
fn arith_i8(a: i8, b: i8) -> (i8, i8, i8, i8, i8) {
    (a + b, a - b, a * b, a / b, a % b)
}

#[jit]
fn arith_u16(a: u16, b: u16) -> (u16, u16, u16, u16, u16) {
    (a + b, a - b, a * b, a / b, a % b)
}

#[jit]
fn arith_u32(a: u32, b: u32) -> (u32, u32, u32) {
    (a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b))
}

#[jit]
fn arith_usize(a: usize, b: usize, c: isize) -> (usize, isize) {
    (a * b + 1, c - 1)
}

#[jit]
fn arith_f32(a: f32, b: f32) -> (f32, f32, f32, f32, f32) {
    (a + b, a - b, a * b, a / b, a % b)
}

#[jit]
fn bits(a: u64, b: u64) -> (u64, u64, u64, u64, u64, u64) {
    (a & b, a | b, a ^ b, !a, a << 3, a >> 2)
}

#[jit]
fn signed_shift(a: i32, s: u8) -> (i32, i32) {
    (a >> s, a << s)
}

#[jit]
fn compare(a: i32, b: i32) -> (bool, bool, bool, bool, bool, bool) {
    (a == b, a != b, a < b, a <= b, a > b, a >= b)
}

#[jit]
fn compare_unsigned(a: u8, b: u8) -> (bool, bool) {
    (a < b, a >= b)
}

#[jit]
fn compare_floats(a: f64, b: f64) -> (bool, bool, bool, bool) {
    (a == b, a != b, a < b, a >= b)
}

#[jit]
fn logic(a: bool, b: bool) -> (bool, bool, bool, bool, bool, bool) {
    (a && b, a || b, !a, a ^ b, a & b, a | b)
}

#[jit]
fn negate(a: i64, b: f64) -> (i64, f64) {
    (-a, -b)
}

#[jit]
fn compound(a: i64) -> i64 {
    let mut x = a;
    x += 10;
    x -= 3;
    x *= 4;
    x /= 2;
    x %= 1000;
    x <<= 2;
    x >>= 1;
    x |= 1;
    x &= 0xff;
    x ^= 0x10;
    x
}

#[jit]
fn unit_fn(x: i64) {
    let _ = x + 1;
}

#[jit]
fn constants() -> (i32, u8, f64, f64) {
    (i32::MAX, u8::MIN, f64::EPSILON, std::f64::consts::PI)
}

#[jit]
fn literal_forms() -> (i64, u32, f32, i8) {
    (1_000_000, 0xFFu32, 2.5e1f32, -128i8)
}

#[jit]
fn shadowing(x: i64) -> i64 {
    let x = x + 1;
    let x = x * 2;
    {
        let x = 100;
        let _ = x;
    }
    x
}

#[jit]
fn deferred_init(flag: bool) -> i32 {
    let x;
    if flag {
        x = 1;
    } else {
        x = 2;
    }
    x
}

#[test]
fn integer_arithmetic_of_every_width() {
    assert_eq!(add_i64(40, 2), 42);
    assert_eq!(arith_i8(7, 2), (9, 5, 14, 3, 1));
    assert_eq!(arith_i8(-7, 2), (-5, -9, -14, -3, -1));
    assert_eq!(arith_u16(300, 7), (307, 293, 2100, 42, 6));
    assert_eq!(arith_u32(u32::MAX, 2), (1, u32::MAX - 2, u32::MAX - 1));
    assert_eq!(arith_usize(3, 4, -5), (13, -6));
    crate::assert_no_leaks();
}

#[test]
fn integer_overflow_wraps_like_release_rust() {
    assert_eq!(add_i64(i64::MAX, 1), i64::MIN);
    assert_eq!(arith_i8(127, 1).0, -128);
    assert_eq!(arith_i8(-128, 1).1, 127);
    assert_eq!(arith_u16(0, 1).1, u16::MAX);
    assert_eq!(arith_u16(300, 300).2, 300u16.wrapping_mul(300));
    assert_eq!(negate(i64::MIN, 0.0).0, i64::MIN);
}

#[test]
fn float_arithmetic() {
    assert_eq!(arith_f32(7.5, 2.0), (9.5, 5.5, 15.0, 3.75, 1.5));
    let (_, _, _, d, r) = arith_f32(1.0, 0.0);
    assert!(d.is_infinite());
    assert!(r.is_nan());
    assert_eq!(negate(5, 2.5), (-5, -2.5));
}

#[test]
fn bit_operations_and_masked_shifts() {
    assert_eq!(
        bits(0b1100, 0b1010),
        (0b1000, 0b1110, 0b0110, !0b1100u64, 0b1100000, 0b11)
    );
    assert_eq!(signed_shift(-16, 2), (-4, -64));
    // Shift amounts are masked to the width, as in release Rust.
    assert_eq!(
        signed_shift(1, 33),
        (1i32.wrapping_shr(33), 1i32.wrapping_shl(33))
    );
    assert_eq!(signed_shift(-1, 31), (-1, i32::MIN));
}

#[test]
fn comparisons_and_logic() {
    assert_eq!(compare(1, 2), (false, true, true, true, false, false));
    assert_eq!(compare(2, 2), (true, false, false, true, false, true));
    assert_eq!(compare_unsigned(200, 100), (false, true));
    assert_eq!(compare_floats(1.0, f64::NAN), (false, true, false, false));
    assert_eq!(
        compare_floats(f64::NAN, f64::NAN),
        (false, true, false, false)
    );
    assert_eq!(logic(true, false), (false, true, false, true, false, true));
    assert_eq!(logic(true, true), (true, true, false, false, true, true));
}

#[test]
fn compound_assignment() {
    let mut x: i64 = 5;
    x += 10;
    x -= 3;
    x *= 4;
    x /= 2;
    x %= 1000;
    x <<= 2;
    x >>= 1;
    x |= 1;
    x &= 0xff;
    x ^= 0x10;
    assert_eq!(compound(5), x);
}

#[test]
fn unit_return_constants_literals_shadowing() {
    unit_fn(1);
    assert_eq!(
        constants(),
        (i32::MAX, 0, f64::EPSILON, std::f64::consts::PI)
    );
    assert_eq!(literal_forms(), (1_000_000, 255, 25.0, -128));
    assert_eq!(shadowing(1), 4);
    assert_eq!(deferred_init(true), 1);
    assert_eq!(deferred_init(false), 2);
    crate::assert_no_leaks();
}

#[jit]
fn f32_literals() -> (f32, f32, f32) {
    let inferred: f32 = 1.000000178813934326171874;
    (
        1.000000178813934326171874,
        inferred,
        -1.000000178813934326171874f32,
    )
}

#[jit]
fn wide(x: u64) -> u64 {
    x
}

#[jit]
fn literal_typed_by_callee_and_cast() -> (u64, u64, u32, f32) {
    (
        wide(3_000_000_000),
        3_000_000_000 as u64,
        4294967295 as u32,
        0.1 as f32,
    )
}

#[test]
#[allow(clippy::excessive_precision)] // the literal sits between two f32 values on purpose
fn literals_are_typed_and_rounded_as_rustc_does() {
    let x: f32 = 1.000000178813934326171874;
    assert_eq!(f32_literals(), (x, x, -x));
    assert_eq!(
        literal_typed_by_callee_and_cast(),
        (3_000_000_000, 3_000_000_000, u32::MAX, 0.1f32)
    );
}
