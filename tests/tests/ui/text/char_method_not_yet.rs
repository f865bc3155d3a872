use jitclass::jit;

#[jit]
fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn main() {}
