//! A function of one instantiation's impl (`impl Tally<f64> { fn sum }`) called on a
//! class whose arguments are not known yet where the call is written (`let t =
//! Tally::new(); t.sum()`): rustc picks the one impl that has it, and so does jit code;
//! compared with rustc's build of the same program.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Tally<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Tally<T> {
    pub fn new() -> Self {
        Tally { items: Vec::new() }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

#[jitclass]
impl Tally<f64> {
    pub fn sum(&self) -> f64 {
        let mut total = 0.0;
        for x in self.items.iter() {
            total += *x;
        }
        total
    }
}

#[jit]
fn picked_by_sum(n: i64) -> f64 {
    let mut t = Tally::new();
    let before = t.sum();
    for i in 0..n {
        t.push(i as f64 * 0.5);
    }
    before + t.sum()
}

/// The same program compiled by rustc.
mod rust {
    pub struct Tally<T> {
        items: Vec<T>,
    }

    impl<T: Copy> Tally<T> {
        pub fn new() -> Self {
            Tally { items: Vec::new() }
        }
        pub fn push(&mut self, x: T) {
            self.items.push(x);
        }
    }

    impl Tally<f64> {
        pub fn sum(&self) -> f64 {
            let mut total = 0.0;
            for x in self.items.iter() {
                total += *x;
            }
            total
        }
    }

    pub fn picked_by_sum(n: i64) -> f64 {
        let mut t = Tally::new();
        let before = t.sum();
        for i in 0..n {
            t.push(i as f64 * 0.5);
        }
        before + t.sum()
    }
}

#[test]
fn the_one_impl_with_the_method_gives_the_arguments() {
    let _memory = memory_test();
    for n in [0, 1, 4] {
        assert_eq!(picked_by_sum(n), rust::picked_by_sum(n), "n = {n}");
    }
    assert_no_leaks();
}
