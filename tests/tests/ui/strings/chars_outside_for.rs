use jitclass::jit;

#[jit]
fn count(s: &str) -> usize {
    let it = s.chars();
    0
}

fn main() {}
