use jitclass::jit;

#[jit]
fn f(x: f64) -> f64 {
    x * Self::UNIT
}

fn main() {}
