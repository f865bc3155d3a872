use jitclass::jit;

#[jit]
fn next(c: char) -> char {
    c + c
}

fn main() {}
