use jitclass::jit;

#[jit]
fn same(a: [i64; 2], b: [i64; 2]) -> bool {
    Some(a) == Some(b)
}

fn main() {}
