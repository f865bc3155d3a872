use jitclass::jit;

#[jit]
fn first(a: [f64; 2 + 1]) -> f64 {
    a[0]
}

fn main() {}
