use jitclass::jit;

#[jit]
fn fill<u64>(xs: &mut [u64], v: u64) {
    for i in 0..xs.len() {
        xs[i] = v;
    }
}

fn main() {}
