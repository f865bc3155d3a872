use jitclass::jit;

#[jit]
fn letter(n: u32) -> char {
    n as char
}

fn main() {}
