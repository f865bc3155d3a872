use jitclass::jit;

#[jit]
fn set() -> i32 {
    let a = [1, 2];
    a[0] = 5;
    a[0]
}

fn main() {}
