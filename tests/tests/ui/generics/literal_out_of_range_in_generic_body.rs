// What holds for every type is checked before any specialisation, at build time.
use jitclass::jit;

#[jit]
fn byte_literal<T>(x: T) -> u8 {
    let _ = x;
    let b: u8 = 300;
    b
}

fn main() {}
