// A bounded generic body is rustc's to check (its shadow): a `&S` used as an `S` is E0308,
// a `&mut self` method through a `&C` E0596, each at the user's token.
use jitclass::{jit, jitclass};

#[jit]
pub trait Counter {
    fn bump(&mut self, by: i64);
    fn get(&self) -> i64;
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
    fn get(&self) -> i64 {
        self.n
    }
}

#[jit]
fn let_annotated<S: Counter>(s: &S) -> i64 {
    let x: S = s;
    x.get()
}

#[jit]
fn some_of_ref<S: Counter>(s: &S) -> Option<S> {
    Some(s)
}

#[jit]
fn if_tail<S: Counter>(s: &S, t: S, c: bool) -> S {
    if c { s } else { t }
}

#[jit]
fn assigned<S: Counter>(s: &S, t: S) -> i64 {
    let mut u = t;
    u = s;
    u.get()
}

#[jit]
fn through_iter<C: Counter>(xs: &mut [C]) {
    for x in xs.iter() {
        x.bump(1);
    }
}

#[jit]
fn through_vec_ref<C: Counter>(xs: &Vec<C>) {
    for x in xs {
        x.bump(1);
    }
}

#[jit]
fn through_borrow<C: Counter>(xs: Vec<C>) {
    for x in &xs {
        x.bump(1);
    }
}

fn main() {}
