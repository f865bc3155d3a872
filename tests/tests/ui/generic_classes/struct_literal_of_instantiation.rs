use jitclass::{jit, jitclass};

// Written with its type arguments, a struct literal of an instantiation is rustc's: the
// fields it misses or does not have are named as the user declared them.

#[jitclass]
pub struct G2<T> {
    pub x: T,
    pub y: T,
}

#[jit]
fn make(x: String, y: String) -> G2<String> {
    G2::<String> { x, y }
}

#[jit]
fn missing(x: i64) -> G2<i64> {
    G2::<i64> { x }
}

#[jit]
fn unknown(x: i64) -> G2<i64> {
    G2::<i64> { x, y: 1, z: 2 }
}

fn main() {}
