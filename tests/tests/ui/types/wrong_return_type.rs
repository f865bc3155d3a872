use jitclass::jit;

#[jit]
fn half(x: i64) -> f64 {
    x / 2
}

fn main() {}
