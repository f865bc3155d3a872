use jitclass::{PassThru, jit};

pub struct Opaque {
    pub value: i64,
}

#[jit]
fn peek(p: PassThru<Opaque>) -> i64 {
    p.value
}

fn main() {}
