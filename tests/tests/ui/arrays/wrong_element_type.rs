use jitclass::jit;

#[jit]
fn mixed() -> f64 {
    let a = [1.0, 2, 3.0];
    a[0]
}

fn main() {}
