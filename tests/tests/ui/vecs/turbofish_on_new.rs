use jitclass::jit;

#[jit]
fn f() -> usize {
    let v = Vec::new::<f64>();
    v.len()
}

fn main() {}
