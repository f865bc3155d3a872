use jitclass::{jit, jitclass};

// The derives' bounds are rustc's (`impl<A: PartialEq, B: PartialEq> PartialEq for
// Pair<A, B>`): an instantiation over a class that derives nothing has no `==`.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Pair<A, B> {
    a: A,
    b: B,
}

#[jitclass]
pub struct Plain {
    x: i64,
}

#[jit]
fn compare(p: Pair<Plain, i64>, q: Pair<Plain, i64>) -> bool {
    p == q
}

fn main() {}
