// `Counter::bump(&c)` of a `&mut self` method: rustc's E0308 (expected `&mut Counter`).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    pub fn bump(&mut self) {
        self.n += 1;
    }
}

#[jit]
fn bumped(n: i64) -> i64 {
    let mut c = Counter { n };
    Counter::bump(&c);
    Counter::bump(&mut c);
    c.n
}

fn main() {}
