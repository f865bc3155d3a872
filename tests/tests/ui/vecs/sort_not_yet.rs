use jitclass::jit;

#[jit]
fn f(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v
}

fn main() {}
