use jitclass::jit;

#[jit]
fn f() -> usize {
    let v = vec![(vec![1, 2], 3); 4];
    v.len()
}

fn main() {}
