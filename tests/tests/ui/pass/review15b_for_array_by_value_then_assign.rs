//! `for e in a` over an array iterates a copy (Rust 2021's `IntoIterator` by value), so the
//! body may assign to `a` and to `self.a`: rustc accepts both (review of issue 15b).
#![allow(dead_code)]
use jitclass::{jit, jitclass};

#[jit]
fn digits(x: i64) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        s = s * 10 + e;
    }
    s + a[3]
}

#[jitclass]
pub struct Grid {
    a: [i64; 3],
}

#[jitclass]
impl Grid {
    pub fn new() -> Grid {
        Grid { a: [1, 2, 3] }
    }
    pub fn loop_then_assign(&mut self) -> i64 {
        let mut s = 0;
        for e in self.a {
            self.a[2] = 1000;
            s = s * 10 + e;
        }
        s
    }
}

fn main() {
    assert_eq!(digits(1), 1334);
    assert_eq!(Grid::new().loop_then_assign(), 123);
}
