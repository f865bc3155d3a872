use jitclass::jit;

#[jit]
fn f(mut v: Vec<f64>) -> Vec<f64> {
    v.sort();
    v
}

fn main() {}
