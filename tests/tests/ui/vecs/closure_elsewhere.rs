use jitclass::jit;

#[jit]
fn f(v: Vec<f64>) -> f64 {
    let double = |x: f64| x * 2.0;
    double(v[0])
}

fn main() {}
