use jitclass::jit;

#[jit]
fn caller(x: f64) -> f64 {
    hepler(x)
}

fn main() {}
