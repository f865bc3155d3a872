use jitclass::jit;

#[jit]
fn count(mut n: i64) -> i64 {
    let mut steps = 0;
    while let 1.. = n {
        n -= 1;
        steps += 1;
    }
    steps
}

fn main() {}
