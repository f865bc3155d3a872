use jitclass::{PassThru, jit};

pub struct Opaque;

#[jit]
fn earlier(a: PassThru<Opaque>, b: PassThru<Opaque>) -> bool {
    a < b
}

fn main() {}
