// A turbofish type must meet the callee's bounds: rustc's E0277 at build time, in a
// non-generic body and in a generic one.
use jitclass::{jit, jitclass};

#[jit]
pub trait Sided {
    fn sides() -> i64;
}

#[jitclass]
pub struct Tri {
    a: f64,
}

#[jitclass]
impl Sided for Tri {
    fn sides() -> i64 {
        3
    }
}

#[jitclass]
pub struct Blob {
    r: f64,
}

#[jit]
fn sides_of<S: Sided>() -> i64 {
    S::sides()
}

#[jit]
fn blob_sides() -> i64 {
    sides_of::<Tri>() + sides_of::<Blob>()
}

#[jit]
fn in_generic_body<T>(x: T) -> T {
    let _ = sides_of::<Blob>();
    x
}

fn main() {}
