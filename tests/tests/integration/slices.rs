use jitclass::jit;

#[jit]
fn dot(xs: &[f64], ys: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i] * ys[i];
    }
    acc
}

#[jit]
fn scale(xs: &mut [f32], k: f32) {
    for i in 0..xs.len() {
        xs[i] *= k;
    }
}

#[jit]
fn fill_squares(out: &mut [u64]) -> usize {
    let mut i = 0;
    while i < out.len() {
        out[i] = (i * i) as u64;
        i += 1;
    }
    out.len()
}

#[jit]
fn flip(flags: &mut [bool]) -> u32 {
    let mut n = 0;
    for i in 0..flags.len() {
        flags[i] = !flags[i];
        if flags[i] {
            n += 1;
        }
    }
    n
}

#[jit]
fn empty(xs: &[i8]) -> bool {
    xs.is_empty()
}

#[jit]
fn prefix_sum(xs: &mut [i64]) {
    for i in 1..xs.len() {
        xs[i] += xs[i - 1];
    }
}

#[test]
fn read_only_slices() {
    assert_eq!(dot(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]), 32.0);
    assert_eq!(dot(&[], &[]), 0.0);
    assert!(empty(&[]));
    assert!(!empty(&[1]));
}

#[test]
fn mutable_slices() {
    let mut v = vec![1.0f32, 2.0, 3.0];
    scale(&mut v, 2.0);
    assert_eq!(v, [2.0, 4.0, 6.0]);
    let mut out = [0u64; 5];
    assert_eq!(fill_squares(&mut out), 5);
    assert_eq!(out, [0, 1, 4, 9, 16]);
    let mut flags = [true, false, false];
    assert_eq!(flip(&mut flags), 2);
    assert_eq!(flags, [false, true, true]);
    let mut xs = [1i64, 2, 3, 4];
    prefix_sum(&mut xs);
    assert_eq!(xs, [1, 3, 6, 10]);
    crate::assert_no_leaks();
}

#[jit]
fn total(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..xs.len() {
        s += xs[i];
    }
    s
}

#[jit]
fn double_then_total(xs: &mut [f64]) -> f64 {
    for i in 0..xs.len() {
        xs[i] *= 2.0;
    }
    total(xs)
}

#[test]
fn a_mutable_slice_is_passed_where_a_shared_one_is_expected() {
    let mut xs = [1.0, 2.5];
    assert_eq!(double_then_total(&mut xs), 7.0);
}
