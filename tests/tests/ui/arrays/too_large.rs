use jitclass::jit;

#[jit]
fn too_long() -> u8 {
    let a = [0u8; 5_000_000_000];
    a[0]
}

#[jit]
fn too_big(a: [[u64; 2_147_483_648]; 2_147_483_648]) -> u64 {
    a[0][0]
}

fn main() {}
