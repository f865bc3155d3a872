use jitclass::jit;

const N: i32 = 4;

#[jit]
fn zeros() -> f64 {
    let a = [0.0; N];
    a[0]
}

fn main() {}
