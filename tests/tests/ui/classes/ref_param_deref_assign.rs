// `*h = ..` through a `&mut C` parameter (replacing the caller's instance) is not
// supported in jit code yet: refused at the token.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    n: i64,
}

#[jit]
fn reset(h: &mut Counter) {
    *h = Counter { n: 0 };
}

fn main() {}
