//! Section (t) of the report: a `#[jit] trait`'s method called through static dispatch
//! (a generic jit fn bounded by the trait, its default method compiled for the class)
//! against the same loop calling an inherent method of the same body, and on a generic
//! class's instantiation against a plain class of the same fields; and dynamic
//! dispatch: a loop over a mixed `Vec<Box<dyn Shape>>` in jit code against the same
//! loop in native Rust.

use crate::row;
use jitclass::{jit, jitclass};
use jitclass_examples::median_pair;
use std::hint::black_box;
use std::time::Duration;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k
    }
}

#[jitclass]
pub struct Disc {
    r: f64,
}

#[jitclass]
impl Disc {
    pub fn new(r: f64) -> Disc {
        Disc { r }
    }

    /// The trait's `scaled`, written as an inherent method: the direct call.
    pub fn scaled_direct(&self, k: f64) -> f64 {
        3.0 * self.r * self.r * k
    }
}

#[jitclass]
impl Shape for Disc {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
}

#[jitclass]
pub struct Block {
    side: f64,
}

#[jitclass]
impl Shape for Block {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn scaled(&self, k: f64) -> f64 {
        self.side * k
    }
}

/// A generic class implementing the trait for every `T`: the static-dispatch loop over
/// its instantiation `Strip<f64>` against the same loop over `PlainStrip`, the class
/// written for `f64` (same fields, same trait impl).
#[jitclass]
pub struct Strip<T> {
    w: f64,
    tag: T,
}

#[jitclass]
impl<T: Copy> Strip<T> {
    pub fn new(w: f64, tag: T) -> Self {
        Strip { w, tag }
    }
}

#[jitclass]
impl<T: Copy> Shape for Strip<T> {
    fn area(&self) -> f64 {
        3.0 * self.w * self.w
    }
}

#[jitclass]
pub struct PlainStrip {
    w: f64,
    tag: f64,
}

#[jitclass]
impl PlainStrip {
    pub fn new(w: f64, tag: f64) -> PlainStrip {
        PlainStrip { w, tag }
    }
}

#[jitclass]
impl Shape for PlainStrip {
    fn area(&self) -> f64 {
        3.0 * self.w * self.w
    }
}

/// Dynamic dispatch in jit code: `n` mixed boxes, then `rounds` passes over them.
#[jit]
fn through_vtables(n: i64, rounds: i64) -> f64 {
    let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
    for i in 0..n {
        let x = (i % 1000) as f64 * 1e-3;
        if i % 3 == 0 {
            shapes.push(Box::new(Block { side: x }));
        } else {
            shapes.push(Box::new(Disc { r: x }));
        }
    }
    let mut t = 0.0;
    for k in 0..rounds {
        for s in &shapes {
            t += s.scaled(k as f64);
        }
    }
    t
}

/// The same program, as rustc builds it.
mod native {
    pub trait Shape {
        fn area(&self) -> f64;
        fn scaled(&self, k: f64) -> f64 {
            self.area() * k
        }
    }

    pub struct Disc {
        pub r: f64,
    }

    impl Shape for Disc {
        fn area(&self) -> f64 {
            3.0 * self.r * self.r
        }
    }

    pub struct Block {
        pub side: f64,
    }

    impl Shape for Block {
        fn area(&self) -> f64 {
            self.side * self.side
        }
        fn scaled(&self, k: f64) -> f64 {
            self.side * k
        }
    }

    pub fn through_vtables(n: i64, rounds: i64) -> f64 {
        let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
        for i in 0..n {
            let x = (i % 1000) as f64 * 1e-3;
            if i % 3 == 0 {
                shapes.push(Box::new(Block { side: x }));
            } else {
                shapes.push(Box::new(Disc { r: x }));
            }
        }
        let mut t = 0.0;
        for k in 0..rounds {
            for s in &shapes {
                t += s.scaled(k as f64);
            }
        }
        t
    }
}

/// Static dispatch: `S` is `Disc`, `scaled` the trait's default method.
#[jit]
fn through_trait<S: Shape>(xs: &[S], rounds: i64) -> f64 {
    let mut t = 0.0;
    for k in 0..rounds {
        for x in xs {
            t += x.scaled(k as f64);
        }
    }
    t
}

#[jit]
fn direct(xs: &[Disc], rounds: i64) -> f64 {
    let mut t = 0.0;
    for k in 0..rounds {
        for x in xs {
            t += x.scaled_direct(k as f64);
        }
    }
    t
}

/// (t) 10M calls of a trait method through static dispatch vs a direct call, and on
/// `Strip<f64>` vs `PlainStrip`; 10M calls through vtables; 10M boxes made.
pub fn traits() {
    let discs: Vec<Disc> = (0..1_000_000).map(|i| Disc::new(i as f64 * 1e-6)).collect();
    let rounds = 10;
    // Compiled outside the timed runs, and the same sums.
    assert_eq!(
        through_trait(&discs, rounds).to_bits(),
        direct(&discs, rounds).to_bits()
    );
    println!("\n(t) traits (median of 9, interleaved)");
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (jit, native) = median_pair(
        9,
        || {
            black_box(through_trait(black_box(&discs), rounds));
        },
        || {
            black_box(direct(black_box(&discs), rounds));
        },
    );
    row(
        "    10M x.scaled(k), S: Shape",
        ms(jit),
        ms(native),
        "ms",
        "vs the inherent method; target: within 1.05x",
    );
    // The same static dispatch, on a generic class's instantiation and on the class
    // written for its one element type.
    let strips: Vec<Strip<f64>> = (0..1_000_000)
        .map(|i| Strip::new(i as f64 * 1e-6, 0.5))
        .collect();
    let plain: Vec<PlainStrip> = (0..1_000_000)
        .map(|i| PlainStrip::new(i as f64 * 1e-6, 0.5))
        .collect();
    assert_eq!(
        through_trait(&strips, rounds).to_bits(),
        through_trait(&plain, rounds).to_bits()
    );
    let (jit, native) = median_pair(
        9,
        || {
            black_box(through_trait(black_box(&strips), rounds));
        },
        || {
            black_box(through_trait(black_box(&plain), rounds));
        },
    );
    row(
        "    10M x.scaled(k), Strip<f64>",
        ms(jit),
        ms(native),
        "ms",
        "S: Shape, vs the plain class PlainStrip; target: 1.0x",
    );
    // 100K mixed boxes, 100 passes: 10M calls through vtables (the boxes' allocation is
    // in both timings, a small part of each).
    let (n, passes) = (black_box(100_000), black_box(100));
    assert_eq!(
        through_vtables(n, passes).to_bits(),
        native::through_vtables(n, passes).to_bits()
    );
    let (jit, native) = median_pair(
        9,
        || {
            black_box(through_vtables(n, passes));
        },
        || {
            black_box(native::through_vtables(n, passes));
        },
    );
    row(
        "    10M s.scaled(k), Box<dyn Shape>",
        ms(jit),
        ms(native),
        "ms",
        "vs native Rust's Vec<Box<dyn Shape>>; target: within 1.2x",
    );
    // 10M mixed boxes, one pass each: the allocation of 10M instances (jitclass's counted
    // ones vs Rust's boxes) is in both timings, and most of each.
    let (n, passes) = (black_box(10_000_000), black_box(1));
    assert_eq!(
        through_vtables(n, passes).to_bits(),
        native::through_vtables(n, passes).to_bits()
    );
    let (jit, native) = median_pair(
        5,
        || {
            black_box(through_vtables(n, passes));
        },
        || {
            black_box(native::through_vtables(n, passes));
        },
    );
    row(
        "    10M boxes made, one pass",
        ms(jit),
        ms(native),
        "ms",
        "the same, allocation included; target: within 1.2x",
    );
}
