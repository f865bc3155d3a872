use jitclass::jit;

#[jit]
fn f(n: u32) -> u32 {
    let mut s = 0;
    for i in (0..n).step_by(2u32) {
        s += i;
    }
    s
}

fn main() {}
