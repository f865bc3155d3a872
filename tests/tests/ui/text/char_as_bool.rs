use jitclass::jit;

#[jit]
fn set(c: char) -> bool {
    c as bool
}

fn main() {}
