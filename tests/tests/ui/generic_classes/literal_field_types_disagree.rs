use jitclass::{jit, jitclass};

#[jitclass]
pub struct Same<T> {
    pub a: T,
    pub b: T,
}

#[jit]
fn disagree() -> i64 {
    let s = Same { a: 1_i64, b: 2.5 };
    s.a
}

fn main() {}
