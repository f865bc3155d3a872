use jitclass::jit;

#[jit]
fn zero(xs: &[f64]) {
    xs[0] = 0.0;
}

fn main() {}
