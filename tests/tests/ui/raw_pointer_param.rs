use jitclass::jit;

#[jit]
fn peek(p: *const u8) -> u8 {
    0
}

fn main() {}
