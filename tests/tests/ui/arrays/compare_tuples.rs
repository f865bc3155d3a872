use jitclass::jit;

#[jit]
fn same() -> bool {
    let a = [(1, 2.0)];
    a == [(1, 2.0)]
}

fn main() {}
