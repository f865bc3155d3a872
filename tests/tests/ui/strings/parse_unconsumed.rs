use jitclass::jit;

#[jit]
fn number(s: &str) -> i64 {
    let r = s.parse::<i64>();
    0
}

fn main() {}
