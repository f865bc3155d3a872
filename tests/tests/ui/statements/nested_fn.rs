use jitclass::jit;

#[jit]
fn outer(x: f64) -> f64 {
    fn inner(y: f64) -> f64 {
        y * 2.0
    }
    x
}

fn main() {}
