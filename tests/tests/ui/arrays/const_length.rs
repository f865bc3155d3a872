use jitclass::jit;

const N: usize = 4;

#[jit]
fn zeros() -> f64 {
    let a = [0.0; N];
    a[0]
}

fn main() {}
