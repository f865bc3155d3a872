use jitclass::jit;

#[jit]
fn f64_to_ints(x: f64) -> (i8, u8, i32, u32, i64, u64) {
    (x as i8, x as u8, x as i32, x as u32, x as i64, x as u64)
}

#[jit]
fn f32_to_i16(x: f32) -> i16 {
    x as i16
}

#[jit]
fn int_to_int(x: i64) -> (i8, u8, i16, u32, u64, i64) {
    (
        x as i8,
        x as u8,
        x as i16,
        x as u32,
        x as u64,
        (x as i32) as i64,
    )
}

#[jit]
fn unsigned_widen(x: u8) -> (i64, u64, i8) {
    (x as i64, x as u64, x as i8)
}

#[jit]
fn to_floats(x: i64, y: u64, b: bool) -> (f64, f64, f32, i32, u8) {
    (x as f64, y as f64, x as f32, b as i32, b as u8)
}

#[jit]
fn float_widths(x: f64) -> (f32, f64) {
    (x as f32, (x as f32) as f64)
}

#[test]
fn float_to_int_casts_saturate() {
    for x in [
        0.0,
        -1.5,
        1.5,
        127.9,
        128.0,
        255.5,
        256.0,
        -129.0,
        1e10,
        -1e10,
        1e20,
        -1e20,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ] {
        assert_eq!(
            f64_to_ints(x),
            (x as i8, x as u8, x as i32, x as u32, x as i64, x as u64),
            "x = {x}"
        );
    }
    assert_eq!(f32_to_i16(1e9), i16::MAX);
    assert_eq!(f32_to_i16(f32::NAN), 0);
}

#[test]
fn integer_casts_truncate_and_extend() {
    for x in [0i64, -1, 255, 256, -129, i64::MAX, i64::MIN, 70000] {
        assert_eq!(
            int_to_int(x),
            (
                x as i8,
                x as u8,
                x as i16,
                x as u32,
                x as u64,
                (x as i32) as i64
            ),
            "x = {x}"
        );
    }
    assert_eq!(unsigned_widen(200), (200, 200, -56));
    assert_eq!(
        to_floats(-3, u64::MAX, true),
        (-3.0, u64::MAX as f64, -3.0, 1, 1)
    );
    assert_eq!(float_widths(0.1), (0.1f32, 0.1f32 as f64));
    crate::assert_no_leaks();
}
