use jitclass::jit;

#[jit]
fn zeros(n: usize) -> f64 {
    let a: [f64; n] = [0.0; 4];
    a[0]
}

fn main() {}
