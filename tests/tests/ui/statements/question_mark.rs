use jitclass::jit;

#[jit]
fn try_it(x: i64) -> i64 {
    x?
}

fn main() {}
