use jitclass::jit;

#[jit]
fn total(xs: Vec<f64>) -> f64 {
    0.0
}

fn main() {}
