use jitclass::jit;

#[jit]
fn first() -> f64 {
    const A: [f64; 2] = [1.0, 2.0];
    A[0]
}

fn main() {}
