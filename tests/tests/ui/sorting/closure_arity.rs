use jitclass::jit;

#[jit]
fn f(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a| a.total_cmp(a));
    v
}

fn main() {}
