use jitclass::jit;

#[jit]
fn code(c: char) -> f64 {
    c as f64
}

fn main() {}
