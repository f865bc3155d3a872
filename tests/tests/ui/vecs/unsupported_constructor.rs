use jitclass::jit;

#[jit]
fn f() -> usize {
    let v: Vec<f64> = Vec::from_iter(0..3);
    v.len()
}

fn main() {}
