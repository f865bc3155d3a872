use jitclass::jit;

#[jit]
fn nonzero(x: i64) -> bool {
    x as bool
}

fn main() {}
