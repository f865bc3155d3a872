use jitclass::jit;

#[jit]
fn join(a: &str, b: &str) -> usize {
    let c = a + b;
    0
}

fn main() {}
