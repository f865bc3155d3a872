use jitclass::jit;

const PAIR: (i32, i32) = (1, 2);

#[jit]
fn first(x: i32) -> i32 {
    x + PAIR.0
}

fn main() {}
