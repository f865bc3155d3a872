use jitclass::jit;

#[jit]
async fn later(x: f64) -> f64 {
    x
}

fn main() {}
