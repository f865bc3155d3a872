// A `&mut self` trait method called through `&S` in a generic jit fn: rustc's E0596
// ("cannot borrow `*x` as mutable, as it is behind a `&` reference").
use jitclass::{jit, jitclass};

#[jit]
pub trait Counter {
    fn bump(&mut self, by: i64);
}

#[jitclass]
pub struct Tally {
    n: i64,
}

#[jitclass]
impl Counter for Tally {
    fn bump(&mut self, by: i64) {
        self.n += by;
    }
}

#[jit]
fn bump_all<C: Counter>(xs: &[C]) {
    for x in xs {
        x.bump(1);
    }
}

fn main() {}
