use jitclass::{jit, jitclass};

// Tuples crossing between Rust and jit code have at most 8 elements
// (`jitclass::limits::MAX_CROSSING_TUPLE_LEN`); inside a body any size works.
#[jit]
fn wide_param(t: (i64, i64, i64, i64, i64, i64, i64, i64, i64)) -> i64 {
    t.0
}

#[jit]
fn wide_result(x: i64) -> Option<(u8, (i64, i64, i64, i64, i64, i64, i64, i64, i64))> {
    None
}

#[jitclass]
pub struct Wide {
    t: (f64, f64, f64, f64, f64, f64, f64, f64, f64),
}

// Fine: nested, each tuple has at most 8 elements; and any size inside a body.
#[jit]
fn nested(t: ((i64, i64, i64, i64, i64, i64, i64, i64), i64)) -> i64 {
    let inner = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    (t.0).0 + t.1 + inner.9
}

fn main() {}
