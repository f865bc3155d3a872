use jitclass::jit;

#[jit]
fn larger(a: i64, b: i64) -> i64 {
    std::cmp::max(a, b)
}

fn main() {}
