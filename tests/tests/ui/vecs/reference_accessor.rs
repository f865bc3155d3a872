use jitclass::jit;

#[jit]
fn f(v: Vec<f64>) -> f64 {
    match v.first() {
        Some(x) => x + 1.0,
        None => 0.0,
    }
}

fn main() {}
