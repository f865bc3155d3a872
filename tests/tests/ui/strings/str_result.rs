use jitclass::jit;

#[jit]
fn first_word(s: &str) -> &str {
    s.trim()
}

fn main() {}
