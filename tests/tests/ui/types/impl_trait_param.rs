use jitclass::jit;

#[jit]
fn apply(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    x
}

fn main() {}
