use jitclass::jit;

#[jit]
fn is_zero(s: &str) -> bool {
    s == 0
}

fn main() {}
