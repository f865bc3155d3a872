// An unbounded generic body formats a `T`: rustc's E0277 at the argument ("`T` doesn't
// implement `std::fmt::Display`", `Debug` for `{:?}`), with its help to add the bound, at
// build time, though jit code would format each instantiation whose type has the trait.
use jitclass::{jit, jitclass};

#[jit]
fn display_unbounded<T>(x: T) -> String {
    format!("{}", x)
}

#[jit]
fn debug_unbounded<T>(x: T, n: i64) -> String {
    format!("{} {:?}", n, x)
}

#[jitclass]
pub struct Boxy<T> {
    pub v: T,
}

#[jitclass]
impl<T> Boxy<T> {
    pub fn shown(&self, x: &T) -> String {
        format!("{x:?}")
    }
}

fn main() {}
