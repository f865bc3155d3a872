use jitclass::jit;

#[jit]
fn check(s: &str) -> bool {
    s.starts_with(1)
}

fn main() {}
