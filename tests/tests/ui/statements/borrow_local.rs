use jitclass::jit;

#[jit]
fn borrow(x: f64) -> f64 {
    let r = &x;
    x
}

fn main() {}
