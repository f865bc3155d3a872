use jitclass::jit;

#[jit]
fn identity(xs: &[f64]) -> &[f64] {
    xs
}

fn main() {}
