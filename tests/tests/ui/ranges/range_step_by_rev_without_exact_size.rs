use jitclass::jit;

#[jit]
fn evens_down(n: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).step_by(2).rev() {
        s += i;
    }
    s
}

#[jit]
fn evens_down_inclusive(n: u32) -> u32 {
    let mut s = 0;
    for i in (0..=n).step_by(2).rev() {
        s += i;
    }
    s
}

fn main() {}
