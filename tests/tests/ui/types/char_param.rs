use jitclass::jit;

#[jit]
fn is_digit(c: char) -> bool {
    false
}

fn main() {}
