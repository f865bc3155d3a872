use jitclass::jit;

#[jit]
fn zeros(n: usize) -> f64 {
    let a = [0.0; n];
    a[0]
}

fn main() {}
