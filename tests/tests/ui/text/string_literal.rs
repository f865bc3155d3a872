use jitclass::jit;

#[jit]
fn greet(n: i64) -> i64 {
    let s = "hello";
    n
}

fn main() {}
