use jitclass::jit;

#[jit]
fn count(n: i64) -> i64 {
    let total = 0;
    total = n;
    total
}

fn main() {}
