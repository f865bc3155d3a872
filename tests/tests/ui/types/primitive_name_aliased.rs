use jitclass::jit;

// In jit code `u64` always means the primitive, so the Rust signature does too: a local
// alias cannot make the caller pass bytes to code compiled for 64-bit elements.
#[allow(non_camel_case_types)]
type u64 = u8;

#[jit]
fn fill(xs: &mut [u64]) {
    for i in 0..xs.len() {
        xs[i] = 0xAB;
    }
}

fn main() {
    let mut bytes: [u8; 4] = [0; 4];
    fill(&mut bytes);
}
