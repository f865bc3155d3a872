use jitclass::jit;

#[jit]
fn tail_sum(xs: &[f64]) -> f64 {
    let rest = xs[1..];
    0.0
}

fn main() {}
