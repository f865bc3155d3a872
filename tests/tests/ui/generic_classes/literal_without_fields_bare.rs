// A literal without fields of a generic class written without type arguments: rustc's
// E0063 "missing fields `a` and `b` in initializer of `Pair<_, _>`" at `Pair` (the class's
// macro checks it as a literal of the handle, which has the class's fields).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    a: A,
    b: B,
}

#[jit]
fn generic_bare() -> Pair<i64, f64> {
    Pair {}
}

fn main() {}
