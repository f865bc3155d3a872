// Constants of the primitive types fold to literals; a negated literal folds too, so that
// `-128i8` is in range.
fn consts() -> f64 {
    let a = f64::MAX;
    let b = i32::MIN;
    let c = u8::BITS;
    let d = std::f64::consts::PI;
    let e = f32::EPSILON;
    let f = -128i8;
    let g = 1.5f32;
    let h = -2.5;
    let i = 3u64;
    let j = 1e10;
    let k = f64::NAN;
    let l = true;
    a + d
}
