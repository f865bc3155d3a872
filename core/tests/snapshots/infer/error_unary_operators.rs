// Unary operators on types that have none.
struct K {
    v: f64,
}

fn negate_unsigned(x: u32) -> u32 {
    -x
}

fn not_float(x: f64) -> f64 {
    !x
}

fn negate_class(k: K) -> K {
    -k
}
