// `Some`, `None`, tuples and their fields, slice indexing, unary operators, casts.
fn f(xs: &mut [i32], t: (i32, (bool, f64))) -> Option<f64> {
    let n = -xs[0];
    let b = !(t.1).0;
    xs[1] = n as i32;
    let p = xs.len() as _;
    if b {
        Some(t.1.1 + p)
    } else {
        None
    }
}
