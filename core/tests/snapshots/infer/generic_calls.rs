//@ instantiate: pick::<f64>
// A generic callee's arguments are inferred at the call; the generic body is inferred
// for the arguments of an `//@ instantiate:` line.
fn pick<T>(xs: &[T], i: usize) -> T {
    xs[i]
}

fn caller(xs: &[f64]) -> f64 {
    pick(xs, 0) + pick(xs, 1)
}
