// A value of another type than its field in a bare literal of a generic class typed by the
// return type: rustc's E0308 at the whole value (`x + 1`), not at its first token.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn sum_into_u8(x: i64) -> Pair<u8, i64> {
    Pair { a: x + 1, b: 2 }
}

fn main() {}
