use jitclass::jit;

#[jit]
fn has_origin(v: Vec<[f64; 2]>) -> bool {
    v.contains(&[0.0, 0.0])
}

#[jit]
fn same(a: Vec<[u8; 2]>, b: Vec<[u8; 2]>) -> bool {
    a == b
}

fn main() {}
