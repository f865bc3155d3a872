use jitclass::jit;

#[jit]
fn flip(x: u32) -> u32 {
    -x
}

fn main() {}
