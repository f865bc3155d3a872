use jitclass::jit;

fn helper(x: f64) -> f64 {
    x * 2.0
}

#[jit]
fn caller(x: f64) -> f64 {
    helper(x) + 1.0
}

fn main() {}
