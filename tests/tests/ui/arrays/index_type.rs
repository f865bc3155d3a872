use jitclass::jit;

#[jit]
fn at(i: i32) -> f64 {
    let a = [1.0, 2.0];
    a[i]
}

fn main() {}
