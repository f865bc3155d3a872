use jitclass::jit;

#[jit]
fn f() -> i32 {
    let v = vec![1, 2, 3];
    v[0] = 5;
    v[0]
}

fn main() {}
