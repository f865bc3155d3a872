use jitclass::jit;

#[jit]
fn fifth() -> i32 {
    let a = [1, 2, 3];
    a[5]
}

fn main() {}
