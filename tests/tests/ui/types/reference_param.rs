use jitclass::jit;

#[jit]
fn read(x: &i64) -> i64 {
    0
}

fn main() {}
