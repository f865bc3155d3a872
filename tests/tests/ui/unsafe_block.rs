use jitclass::jit;

#[jit]
fn sneaky(x: f64) -> f64 {
    unsafe { x }
}

fn main() {}
