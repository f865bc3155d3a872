use jitclass::jit;

#[jit]
fn shadow() -> i64 {
    const K: i64 = 3;
    let K = 4;
    K
}

fn main() {}
