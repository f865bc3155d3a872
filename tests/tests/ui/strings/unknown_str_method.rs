use jitclass::jit;

#[jit]
fn shout(s: &str) -> usize {
    s.to_shouting().len()
}

fn main() {}
