use jitclass::jit;

#[jit]
fn number(s: &str) -> i64 {
    s.parse().unwrap_or(0)
}

fn main() {}
