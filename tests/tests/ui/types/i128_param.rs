use jitclass::jit;

#[jit]
fn wide(x: i128) -> i64 {
    0
}

fn main() {}
