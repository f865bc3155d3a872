use jitclass::jit;

#[jit]
fn f(v: Vec<&[f64]>) -> usize {
    v.len()
}

fn main() {}
