use jitclass::jit;

#[jit]
fn f() -> usize {
    let mut v = vec![1.0, 2.0];
    v.push(true);
    v.len()
}

fn main() {}
