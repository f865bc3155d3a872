use jitclass::jit;

const ZERO: usize = 0;

#[jit]
fn last() -> f64 {
    let a = [0.0; ZERO - 1];
    a[0]
}

fn main() {}
