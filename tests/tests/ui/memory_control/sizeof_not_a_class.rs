use jitclass::{jit, sizeof};

struct Plain {
    x: f64,
}

#[jit]
fn size() -> usize {
    sizeof::<Plain>()
}

fn main() {
    let _ = sizeof::<String>();
}
