use jitclass::jit;

#[jit]
fn f(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_by(|a, b| match a.cmp(b) {
        o => o,
    });
    v
}

fn main() {}
