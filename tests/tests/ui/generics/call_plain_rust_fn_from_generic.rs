use jitclass::jit;

fn helper(x: f64) -> f64 {
    x * 2.0
}

#[jit]
fn caller<T>(x: T) -> T {
    helper(1.0);
    x
}

fn main() {}
