// A `&mut self` trait method called through a `&` reference in a generic jit fn (the
// variable of a loop over `&[C]`, a `&S` parameter, a copy of one): rustc's E0596
// ("cannot borrow `*x` as mutable, as it is behind a `&` reference") at build time.
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

#[jit]
fn bump_one<S: Counter>(s: &S) {
    s.bump(1)
}

#[jit]
fn bump_copy<S: Counter>(s: &S) {
    let t = s;
    t.bump(1)
}

fn main() {}
