use jitclass::jit;

#[jit]
fn f(v: Vec<i64>) -> i64 {
    let mut s = 0;
    for x in v {
        s += x;
    }
    s
}

fn main() {}
