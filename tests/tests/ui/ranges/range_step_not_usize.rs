use jitclass::jit;

#[jit]
fn stepped(n: i64, k: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).step_by(k) {
        s += i;
    }
    s
}

fn main() {}
