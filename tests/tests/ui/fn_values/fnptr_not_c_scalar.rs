use jitclass::jit;

#[jit]
fn apply(f: extern "C" fn((f64, f64)) -> f64, x: f64) -> f64 {
    f((x, x))
}

fn main() {}
