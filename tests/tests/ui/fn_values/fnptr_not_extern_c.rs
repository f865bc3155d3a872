use jitclass::jit;

#[jit]
fn plain(x: f64) -> f64 {
    x + 1.0
}

#[jit]
fn apply(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
    f(x)
}

#[jit]
fn caller(x: f64) -> f64 {
    apply(plain, x)
}

fn main() {}
