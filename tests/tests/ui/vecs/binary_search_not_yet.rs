use jitclass::jit;

#[jit]
fn f(v: Vec<i64>) -> bool {
    v.binary_search(&3).is_ok()
}

fn main() {}
