use jitclass::jit;

#[jit]
fn f() -> usize {
    let v = Vec::new();
    v.push(1.0);
    v.len()
}

fn main() {}
