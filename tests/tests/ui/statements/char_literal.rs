use jitclass::jit;

#[jit]
fn letter(n: u32) -> u32 {
    let c = 'a';
    n
}

fn main() {}
