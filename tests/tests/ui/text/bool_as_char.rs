use jitclass::jit;

#[jit]
fn mark(b: bool) -> char {
    b as char
}

fn main() {}
