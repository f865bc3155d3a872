use jitclass::{jit, sizeof};

#[jit]
fn pair_size() -> usize {
    sizeof::<(u8, f64)>()
}

fn main() {}
