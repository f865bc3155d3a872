use jitclass::jit;

#[jit]
fn digit(c: char) -> u32 {
    c.to_digit(10).unwrap_or(0)
}

fn main() {}
