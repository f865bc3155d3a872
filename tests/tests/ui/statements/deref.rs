use jitclass::jit;

#[jit]
fn deref(x: f64) -> f64 {
    *x + 1.0
}

fn main() {}
