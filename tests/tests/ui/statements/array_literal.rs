use jitclass::jit;

#[jit]
fn first() -> f64 {
    let xs = [1.0, 2.0, 3.0];
    0.0
}

fn main() {}
