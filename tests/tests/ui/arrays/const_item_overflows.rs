// A `const` item whose evaluation fails is named as rustc names it: `last::K`.
use jitclass::jit;

const ZERO: usize = 0;

#[jit]
fn last() -> f64 {
    const K: usize = ZERO - 1;
    let a = [0.0; K];
    a[0]
}

fn main() {}
