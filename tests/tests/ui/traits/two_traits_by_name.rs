// A class with two traits' `side` and no inherent one: `b.side()` is rustc's E0034.
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
fn sides(k: i64) -> i64 {
    let b = Both { k };
    b.side() + b.k
}

fn main() {}
