use jitclass::jit;

#[jit]
unsafe fn double(x: i64) -> i64 {
    x * 2
}

fn main() {}
