use jitclass::jit;

#[jit]
fn address(p: *const u8) -> f64 {
    p as f64
}

fn main() {}
