use jitclass::jit;

#[jit]
fn norm(v: [f64; 3]) -> f64 {
    0.0
}

fn main() {}
