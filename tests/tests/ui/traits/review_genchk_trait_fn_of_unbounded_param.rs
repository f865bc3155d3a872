// A trait's function called by the trait's path with a value of an unbounded `S`: rustc's
// E0277 "the trait bound `S: Meter` is not satisfied" at the argument, at build time (jit
// code would call each instantiation's impl).
use jitclass::{jit, jitclass};

#[jit]
pub trait Meter {
    fn read(s: &Self) -> i64;
}

#[jitclass]
pub struct Gauge {
    pub level: i64,
}

#[jitclass]
impl Meter for Gauge {
    fn read(s: &Self) -> i64 {
        s.level
    }
}

#[jit]
fn read_any<S>(s: &S) -> i64 {
    Meter::read(s)
}

fn main() {}
