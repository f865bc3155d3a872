use jitclass::jit;

#[jit]
fn f(v: Vec<i64>) -> usize {
    let r = v.binary_search(&3);
    r.unwrap_or(0)
}

fn main() {}
