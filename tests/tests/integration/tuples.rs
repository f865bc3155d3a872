use jitclass::jit;

#[jit]
fn swap(p: (i32, f64)) -> (f64, i32) {
    (p.1, p.0)
}

#[jit]
fn min_max(xs: &[i64]) -> (i64, i64) {
    let mut lo = xs[0];
    let mut hi = xs[0];
    for i in 1..xs.len() {
        if xs[i] < lo {
            lo = xs[i];
        }
        if xs[i] > hi {
            hi = xs[i];
        }
    }
    (lo, hi)
}

#[jit]
fn destructure(t: (u8, (bool, i16), f32)) -> i16 {
    let (a, (flag, b), _) = t;
    if flag { a as i16 + b } else { b - a as i16 }
}

#[jit]
fn mutate_fields() -> (i64, (i64, bool)) {
    let mut t = (1, (2, false));
    t.0 = 10;
    (t.1).0 += 5;
    t.1.1 = true;
    t
}

#[jit]
fn nested_through_calls(x: i64) -> i64 {
    let (a, b) = divmod(x, 7);
    a * 100 + b
}

#[jit]
fn divmod(a: i64, b: i64) -> (i64, i64) {
    (a / b, a % b)
}

#[jit]
fn one_tuple(x: (u16,)) -> (u16,) {
    (x.0 + 1,)
}

#[jit]
fn with_unit(x: ()) -> ((), i32) {
    (x, 7)
}

#[test]
fn tuples_in_and_out() {
    assert_eq!(swap((3, 1.5)), (1.5, 3));
    assert_eq!(min_max(&[4, -2, 9, 0]), (-2, 9));
    assert_eq!(destructure((3, (true, 10), 0.0)), 13);
    assert_eq!(destructure((3, (false, 10), 0.0)), 7);
    assert_eq!(mutate_fields(), (10, (7, true)));
    assert_eq!(nested_through_calls(23), 302);
    assert_eq!(one_tuple((41,)), (42,));
    assert_eq!(with_unit(()), ((), 7));
    crate::assert_no_leaks();
}
