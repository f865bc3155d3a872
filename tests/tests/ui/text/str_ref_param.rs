use jitclass::jit;

#[jit]
fn length(s: &str) -> usize {
    0
}

fn main() {}
