use jitclass::jit;

#[jit]
fn magnitude(x: u8) -> u8 {
    x.abs()
}

fn main() {}
