use jitclass::{jit, sizeof};

#[jit]
fn size() -> usize {
    sizeof()
}

fn main() {}
