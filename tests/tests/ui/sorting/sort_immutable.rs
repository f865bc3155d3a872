use jitclass::jit;

#[jit]
fn f(v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v
}

fn main() {}
