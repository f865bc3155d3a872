use jitclass::jit;

#[jit]
fn root_two() -> f64 {
    2.0.sqrt()
}

fn main() {}
