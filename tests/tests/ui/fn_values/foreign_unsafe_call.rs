use jitclass::jit;

#[jit]
unsafe extern "C" {
    fn strlen(s: *const u8) -> usize;
}

#[jit]
fn length(p: *const u8) -> usize {
    strlen(p)
}

fn main() {}
