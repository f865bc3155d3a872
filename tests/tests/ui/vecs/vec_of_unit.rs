use jitclass::jit;

#[jit]
fn f() -> usize {
    let v = vec![(); 3];
    v.len()
}

fn main() {}
