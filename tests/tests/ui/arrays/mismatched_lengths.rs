use jitclass::jit;

#[jit]
fn short() -> f64 {
    let a: [f64; 3] = [1.0, 2.0];
    a[0]
}

fn main() {}
