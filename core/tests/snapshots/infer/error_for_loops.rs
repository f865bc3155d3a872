// `for` loops over what cannot be iterated, tuples of mixed types, float ranges, and
// `.step_by(k).rev()` where the range's length is not a `usize`.
fn float_iter(x: f64) {
    for v in x {}
}

fn mixed_tuple(t: (i32, f64)) {
    for v in t {}
}

fn float_range(a: f64, b: f64) {
    for v in a..b {}
}

fn step_rev_i64(n: i64) {
    for v in (0..n).step_by(2).rev() {}
}
