use jitclass::jit;

#[jit]
fn call_a_number(x: f64) -> f64 {
    let y = 2.0;
    y(x)
}

fn main() {}
