use jitclass::jit;

#[jit]
fn checked_sqrt(x: f64) -> Option<f64> {
    x
}

fn main() {}
