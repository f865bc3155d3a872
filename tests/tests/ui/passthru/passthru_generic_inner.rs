use jitclass::{PassThru, jit};

#[jit]
fn ident<T: 'static>(p: PassThru<T>) -> PassThru<T> {
    p
}

fn main() {}
