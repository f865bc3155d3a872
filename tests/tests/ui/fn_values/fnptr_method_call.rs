use jitclass::jit;

#[jit]
fn apply(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
    f.call(x)
}

#[jit]
fn as_number(f: extern "C" fn(f64) -> f64) -> usize {
    f as usize
}

fn main() {}
