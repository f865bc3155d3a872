use jitclass::jit;

#[jit]
fn f(v: Vec<f64>) -> bool {
    v.binary_search(&1.0).is_ok()
}

fn main() {}
