use jitclass::jit;

#[jit]
extern "C" fn negate(x: i64) -> i64 {
    -x
}

#[jit]
fn apply(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
    f(x)
}

#[jit]
fn caller(x: f64) -> f64 {
    apply(negate, x)
}

fn main() {
    apply(negate, 1.0);
}
