use jitclass::{jit, jitclass};

#[jitclass]
struct Agg {
    total: f64,
}

#[jit]
fn read(p: *mut Agg) -> f64 {
    0.0
}

fn main() {}
