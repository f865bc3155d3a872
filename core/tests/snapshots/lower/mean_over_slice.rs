// A plain body: parameters, a mutable local, a `for` over a slice, a cast, a tail.
fn mean(xs: &[f64]) -> f64 {
    let mut sum = 0.0;
    for x in xs {
        sum += x;
    }
    sum / xs.len() as f64
}
