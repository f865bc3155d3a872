use jitclass::jit;

#[jit]
fn f(v: Vec<i32>) -> bool {
    v.contains(3)
}

fn main() {}
