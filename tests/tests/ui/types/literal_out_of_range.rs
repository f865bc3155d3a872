use jitclass::jit;

#[jit]
fn byte() -> u8 {
    let x: u8 = 300;
    x
}

fn main() {}
