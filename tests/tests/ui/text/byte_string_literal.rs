use jitclass::jit;

#[jit]
fn magic() -> usize {
    let b = b"abc";
    0
}

fn main() {}
