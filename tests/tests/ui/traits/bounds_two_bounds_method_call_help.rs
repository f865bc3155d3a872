// `s.side()` with two bounds that both have `side`: rustc's E0034 at build time, with
// its help to write `Left::side(&s)` (the help once read `s.Left::side(&side)()`: the
// generated check's spans).
use jitclass::{jit, jitclass};

#[jit]
pub trait Left {
    fn side(&self) -> i64 {
        1
    }
}

#[jit]
pub trait Right {
    fn side(&self) -> i64 {
        2
    }
}

#[jitclass]
pub struct Both {
    k: i64,
}

#[jitclass]
impl Left for Both {}

#[jitclass]
impl Right for Both {}

#[jit]
fn side_of<S: Left + Right>(s: S) -> i64 {
    s.side()
}

fn main() {}
