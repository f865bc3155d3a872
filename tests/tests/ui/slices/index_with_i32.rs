use jitclass::jit;

#[jit]
fn get(xs: &[f64], i: i32) -> f64 {
    xs[i]
}

fn main() {}
