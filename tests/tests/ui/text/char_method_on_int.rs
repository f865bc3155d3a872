use jitclass::jit;

#[jit]
fn alpha(n: u32) -> bool {
    n.is_alphabetic()
}

fn main() {}
