// `c` where a `&C` is expected, and `&c` where a `&mut C` is expected: rustc's E0308.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    n: i64,
}

#[jit]
fn read(c: &Counter) -> i64 {
    c.n
}

#[jit]
fn write(c: &mut Counter) {
    c.n += 1;
}

#[jit]
fn caller() -> i64 {
    let mut c = Counter { n: 1 };
    write(&c);
    read(c)
}

fn main() {}
