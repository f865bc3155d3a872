use jitclass::jit;

#[jit]
fn upper(s: &mut str) -> usize {
    s.len()
}

fn main() {}
