// Changing an instance through a `&C` parameter: rustc's E0596 / E0594-like refusals.
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
fn bump_shared(c: &Counter) -> i64 {
    c.bump();
    c.n
}

#[jit]
fn assign_shared(c: &Counter) {
    c.n = 3;
}

fn main() {}
