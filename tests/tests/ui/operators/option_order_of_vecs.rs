use jitclass::jit;

#[jit]
fn before(a: Vec<i64>, b: Vec<i64>) -> bool {
    Some(a) < Some(b)
}

fn main() {}
