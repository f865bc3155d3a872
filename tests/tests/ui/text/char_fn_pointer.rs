use jitclass::jit;

#[jit]
fn apply(f: extern "C" fn(u32) -> char, n: u32) -> char {
    f(n)
}

fn main() {}
