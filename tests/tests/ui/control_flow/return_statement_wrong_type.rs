use jitclass::jit;

#[jit]
fn clamp_to_zero(x: f64) -> f64 {
    if x < 0.0 {
        return 0;
    }
    x
}

fn main() {}
