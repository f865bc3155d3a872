//@ macro-time
// At macro time callees are unknown: only errors that hold whatever they turn out to be
// are reported, and a definitely uninitialised read is one.
fn calls_unknown(x: f64) -> f64 {
    let y = elsewhere(x);
    y.sqrt() + 1.0
}

fn certain(x: f64) -> bool {
    x + true
}

fn uninitialised() -> i32 {
    let y: i32;
    y
}
