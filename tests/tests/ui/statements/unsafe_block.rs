use jitclass::jit;

#[jit]
fn sneaky(p: *const f64) -> f64 {
    unsafe { *p }
}

fn main() {}
