use jitclass::jit;

#[jit]
fn scaled(x: f64) -> f64 {
    x * FACTOR
}

fn main() {}
