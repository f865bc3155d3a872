use jitclass::jit;

#[jit]
fn huge() -> u8 {
    let a = [0u8; 1073741824];
    a[0]
}

#[jit]
fn huge_param(a: [[f64; 16]; 17]) -> f64 {
    a[0]
}

fn main() {}
