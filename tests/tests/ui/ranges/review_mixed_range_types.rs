use jitclass::jit;

#[jit]
fn f(a: i32, b: i64) -> i64 {
    let mut s = 0;
    for i in a..b {
        s += i;
    }
    s
}

fn main() {}
