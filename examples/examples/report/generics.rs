//! Section (u) of the report: a generic class's instantiation against the same class
//! written for one element type, at first use (compile included) and in a jit loop.

use crate::row;
use jitclass::{jit, jitclass};
use jitclass_examples::median_pair;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

/// `Stack<T>` written out for one element type: the non-generic baseline. One class per
/// element type, so every first-use sample compiles a class never compiled before, as
/// every instantiation of `Stack<T>` it is paired with is.
macro_rules! plain_stack {
    ($name:ident, $t:ty) => {
        #[jitclass]
        pub struct $name {
            items: Vec<$t>,
        }

        #[jitclass]
        impl $name {
            pub fn new() -> Self {
                $name { items: Vec::new() }
            }

            pub fn push(&mut self, x: $t) {
                self.items.push(x);
            }

            pub fn pop(&mut self) -> Option<$t> {
                self.items.pop()
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }
        }
    };
}

plain_stack!(StackF64, f64);
plain_stack!(StackF32, f32);
plain_stack!(StackI64, i64);
plain_stack!(StackI32, i32);
plain_stack!(StackI16, i16);
plain_stack!(StackI8, i8);
plain_stack!(StackU64, u64);
plain_stack!(StackU32, u32);
plain_stack!(StackU16, u16);

/// Compiles LLVM's start-up out of the first sample; touches no stack class.
#[jit]
fn warm_up(x: f64) -> f64 {
    x * 2.0
}

/// From nothing compiled to the constructor and three methods returned, for the class
/// `$class` (a generic instantiation or a plain class) holding `$v`.
macro_rules! first_use {
    ($class:ty, $v:expr) => {
        (|| {
            let t = Instant::now();
            let mut s = <$class>::new();
            s.push(black_box($v));
            black_box(s.pop());
            black_box(s.len());
            let elapsed = t.elapsed();
            assert_eq!(s.len(), 0);
            elapsed
        }) as FirstUse
    };
}

/// Times one class's first use.
type FirstUse = fn() -> Duration;

/// Pairs (instantiation, plain class) of the same element type, each used once.
fn first_use_pairs() -> Vec<(FirstUse, FirstUse)> {
    vec![
        (first_use!(Stack<f64>, 1.5), first_use!(StackF64, 1.5)),
        (first_use!(Stack<f32>, 1.5), first_use!(StackF32, 1.5)),
        (first_use!(Stack<i64>, 7), first_use!(StackI64, 7)),
        (first_use!(Stack<i32>, 7), first_use!(StackI32, 7)),
        (first_use!(Stack<i16>, 7), first_use!(StackI16, 7)),
        (first_use!(Stack<i8>, 7), first_use!(StackI8, 7)),
        (first_use!(Stack<u64>, 7), first_use!(StackU64, 7)),
        (first_use!(Stack<u32>, 7), first_use!(StackU32, 7)),
        (first_use!(Stack<u16>, 7), first_use!(StackU16, 7)),
    ]
}

/// Pushes `0..n` and pops them all, `rounds` times, summing what comes off.
#[jit]
fn generic_push_pop(n: i64, rounds: i64) -> f64 {
    let mut s = Stack::<f64>::new();
    let mut t = 0.0;
    for _ in 0..rounds {
        for i in 0..n {
            s.push(i as f64);
        }
        while let Some(x) = s.pop() {
            t += x;
        }
    }
    t + s.len() as f64
}

#[jit]
fn plain_push_pop(n: i64, rounds: i64) -> f64 {
    let mut s = StackF64::new();
    let mut t = 0.0;
    for _ in 0..rounds {
        for i in 0..n {
            s.push(i as f64);
        }
        while let Some(x) = s.pop() {
            t += x;
        }
    }
    t + s.len() as f64
}

/// (u) first use of `Stack<T>` instantiations vs plain classes of the same element type,
/// and a push/pop loop over `Stack<f64>` vs `StackF64`.
pub fn generics() {
    black_box(warm_up(black_box(1.0)));
    println!("\n(u) generic classes (medians; pairs alternated, the order swapped each round)");
    println!(
        "{:<34} {:>10} {:>10} {:<6} {:>8}",
        "", "Stack<T>", "plain", "", "ratio"
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut generic = Vec::new();
    let mut plain = Vec::new();
    for (round, (g, p)) in first_use_pairs().into_iter().enumerate() {
        // Alternate who goes first, so neither side gains from what the other compiled.
        if round % 2 == 0 {
            generic.push(g());
            plain.push(p());
        } else {
            plain.push(p());
            generic.push(g());
        }
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let rounds = generic.len();
    row(
        "    first use (new + 3 methods)",
        ms(median(generic)),
        ms(median(plain)),
        "ms",
        &format!("{rounds} element types, each fresh; target: within 1.5x"),
    );

    let (n, loops) = (1_000, 10_000);
    // Compiled outside the timed runs, and the same sums.
    assert_eq!(
        generic_push_pop(n, loops).to_bits(),
        plain_push_pop(n, loops).to_bits()
    );
    let (jit, native) = median_pair(
        9,
        || {
            black_box(generic_push_pop(black_box(n), loops));
        },
        || {
            black_box(plain_push_pop(black_box(n), loops));
        },
    );
    row(
        "    10M push + pop in a jit loop",
        ms(jit),
        ms(native),
        "ms",
        "Stack<f64> vs StackF64; target: 1.0x",
    );
}
