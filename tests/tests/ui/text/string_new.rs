use jitclass::jit;

#[jit]
fn build(n: usize) -> usize {
    let s = String::new();
    n
}

fn main() {}
