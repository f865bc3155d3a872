use jitclass::jit;

#[jit]
fn mixed(x: i64) -> bool {
    Some(x) == (x,)
}

#[jit]
fn wider(x: Option<(i64, f64)>) -> bool {
    x == Some((1, 2.0, 3))
}

fn main() {}
