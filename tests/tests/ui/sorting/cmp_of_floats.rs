use jitclass::jit;

#[jit]
fn f(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_unstable_by(|a, b| a.cmp(b));
    v
}

fn main() {}
