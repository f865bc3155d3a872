use jitclass::jit;

#[jit]
fn both(xs: &[f64], ys: &mut [f64]) -> f64 {
    xs.len() as f64 + ys.len() as f64
}

#[jit]
fn f(mut v: Vec<f64>) -> f64 {
    both(&v, &mut v)
}

fn main() {}
