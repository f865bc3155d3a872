use jitclass::jit;

#[jit]
fn clamp(x: i64) -> i64 {
    let y = if x > 0 { x };
    y
}

fn main() {}
