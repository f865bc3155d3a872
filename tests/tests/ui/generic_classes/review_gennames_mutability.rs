// Values of bare literals of a generic class that change what they may not: a `&mut self`
// method through `&self`, through a binding without `mut`, an assignment to an immutable
// parameter, and a generic parameter's value moved into the literal and used after. rustc
// says E0596, E0596, E0384 and E0382 at these tokens (the shadow checks the values in a
// closure after the literal: its words must stay rustc's, not a closure's).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Ticker {
    pub n: i64,
}

#[jitclass]
impl Ticker {
    pub fn next(&mut self) -> i64 {
        self.n += 1;
        self.n
    }

    pub fn peek(&self) -> Pair<i64, i64> {
        Pair { a: self.next(), b: 1 }
    }
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn not_mut(t: Ticker) -> i64 {
    let p = Pair { a: t.next(), b: 2_i64 };
    p.a
}

#[jit]
fn assigns_immutable(x: i64) -> i64 {
    let p = Pair { a: { x += 1; x }, b: 2_i64 };
    p.a
}

#[jit]
fn generic_moved<T: Clone>(x: T) -> T {
    let _p = Pair { a: x, b: 1_i64 };
    x
}

fn main() {}
