// Indexing: by `usize` only, into slices, tuples by field; classes without `Index`.
struct N {
    v: f64,
}

fn by_i32(xs: &[f64], i: i32) -> f64 {
    xs[i]
}

fn into_float(x: f64) -> f64 {
    x[0]
}

fn into_class(n: N) -> f64 {
    n[0]
}

fn assign_into_class(mut n: N) {
    n[0] = 1.0;
}
