use jitclass::jit;

#[jit]
fn convert() -> f64 {
    let x: f64 = 1i64;
    x
}

fn main() {}
