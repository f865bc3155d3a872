use jitclass::jit;

#[jit]
fn pick(c: bool) -> f64 {
    if c { 1.0 } else { false }
}

fn main() {}
