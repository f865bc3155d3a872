use jitclass::jit;

#[jit]
fn first(s: &str) -> u8 {
    s[0]
}

fn main() {}
