use jitclass::jit;

#[jit]
const fn double(x: i64) -> i64 {
    x * 2
}

fn main() {}
