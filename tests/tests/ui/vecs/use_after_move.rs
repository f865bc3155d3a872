use jitclass::jit;

#[jit]
fn f() -> usize {
    let v = vec![1.0, 2.0];
    let w = v;
    v.len() + w.len()
}

fn main() {}
