// A `Vec` moved into a bare literal of a generic class and used after, in a loop, and by
// the next value: refused at the use, as rustc's E0382 is (jit code's own move check).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jit]
fn used_after_move(v: Vec<i64>) -> usize {
    let p = Pair { a: v, b: 1_i64 };
    p.b as usize + v.len()
}

#[jit]
fn moved_in_loop(v: Vec<i64>) -> i64 {
    let mut n = 0;
    for _ in 0..2 {
        let p = Pair { a: v, b: 1_i64 };
        n += p.b;
    }
    n
}

#[jit]
fn moved_twice(v: Vec<i64>) -> usize {
    let p = Pair { a: v, b: v.len() };
    p.b
}

fn main() {}
