//! Part of section (b) of the report: the first call of functions holding large arrays,
//! which compile as fast as the 10-line function (arrays live in memory in generated code,
//! never as LLVM aggregate values).

use jitclass::{jit, jitclass};
use std::hint::black_box;
use std::time::Instant;

/// A 4,096-element local: filled, copied, summed.
#[jit]
fn local_4096(k: f64) -> f64 {
    let mut a = [0.0; 4096];
    for i in 0..a.len() {
        a[i] = i as f64 * k;
    }
    let b = a;
    let mut s = 0.0;
    for x in b {
        s += x;
    }
    s + a[3]
}

/// A class with a 4,096-element field.
#[jitclass]
pub struct Window {
    values: [f64; 4096],
    next: usize,
}

#[jitclass]
impl Window {
    pub fn new() -> Window {
        Window {
            values: [0.0; 4096],
            next: 0,
        }
    }

    pub fn push(&mut self, x: f64) -> f64 {
        self.values[self.next % 4096] = x;
        self.next += 1;
        let mut s = 0.0;
        for v in self.values {
            s += v;
        }
        s
    }
}

/// Prints the first calls' times, for comparison with the 10-line function's above.
pub fn first_calls() {
    let t = Instant::now();
    black_box(local_4096(black_box(1.5)));
    let local = t.elapsed();
    let t = Instant::now();
    let mut w = Window::new();
    black_box(w.push(black_box(2.0)));
    let class = t.elapsed();
    println!(
        "    a fn with a [f64; 4096] local    {:>8.2} ms   (once seconds: LLVM aggregate values)",
        local.as_secs_f64() * 1e3
    );
    println!(
        "    a class with a [f64; 4096] field {:>8.2} ms   (its constructor and a method)",
        class.as_secs_f64() * 1e3
    );
}
