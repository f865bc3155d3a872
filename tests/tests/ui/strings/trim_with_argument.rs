use jitclass::jit;

#[jit]
fn check(s: &str) -> usize {
    s.trim(1).len()
}

fn main() {}
