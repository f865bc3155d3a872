// `f64::sqrt(x)` is a method call on a receiver pinned to `f64` by a `let`.
fn f(x: f64, a: i64, b: i64) -> f64 {
    let m = i64::max(a, b);
    f64::sqrt(x) + m as f64 + x.powi(2)
}
