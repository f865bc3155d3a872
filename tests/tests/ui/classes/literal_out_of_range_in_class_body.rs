// A body using a class is type-checked by rustc: an out-of-range float literal is rustc's
// `overflowing_literals` error at build time.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Scale {
    k: f64,
}

#[jit]
fn huge() -> f64 {
    let s = Scale { k: 1e400 };
    s.k
}

fn main() {}
