use jitclass::jit;

// rustc: literal out of range for `f64` (deny-by-default `overflowing_literals`).
#[jit]
fn huge() -> f64 {
    1e400
}

fn main() {}
