use jitclass::jit;

#[jit(foo)]
fn double(x: i64) -> i64 {
    x * 2
}

fn main() {
    let _ = double(2);
}
