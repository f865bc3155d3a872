use jitclass::jit;

#[jit]
fn count(n: i64) -> i64 {
    let r = (0..n).rev();
    let mut s = 0;
    for i in r {
        s += i;
    }
    s
}

fn main() {}
