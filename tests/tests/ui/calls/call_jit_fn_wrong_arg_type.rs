use jitclass::jit;

#[jit]
fn square(x: f64) -> f64 {
    x * x
}

#[jit]
fn caller(n: i64) -> f64 {
    square(n)
}

fn main() {}
