use jitclass::jit;

#[jit]
fn apply(f: &dyn Fn(f64) -> f64, x: f64) -> f64 {
    x
}

fn main() {}
