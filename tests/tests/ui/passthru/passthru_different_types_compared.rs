use jitclass::{PassThru, jit};

pub struct A;
pub struct B;

#[jit]
fn same(a: PassThru<A>, b: PassThru<B>) -> bool {
    a == b
}

fn main() {}
