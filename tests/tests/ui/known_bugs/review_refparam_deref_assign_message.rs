// `*h = ..` through a `&mut C` parameter is refused (not supported yet), but the message
// talks about `for x in &v` loops, `v.first()` and raw pointers instead of saying that
// replacing the instance behind a `&mut C` parameter is not supported.
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
