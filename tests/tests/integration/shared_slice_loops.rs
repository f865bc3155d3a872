//! `for x in s` over a `&[T]` parameter: `x` is a `&T`, as in Rust (`*x`, `for &x in s`,
//! operators and methods through the reference, an instance's fields), each run against
//! the same code built as plain Rust, with `stats()` balanced.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

#[jit]
fn halve(x: f64) -> f64 {
    x / 2.0
}

twice!(deref_numbers, rust_deref_numbers, fn(s: &[f64]) -> (f64, f64, f64, usize) {
    let mut total = 0.0;
    let mut scaled = 0.0;
    let mut big = 0;
    for x in s {
        total += *x;
        // std's `Mul<f64> for &f64` and `AddAssign<&f64> for f64`.
        scaled += x * 2.0;
        scaled += x;
        if *x > 1.0 {
            big += 1;
        }
    }
    let mut halves = 0.0;
    for &x in s {
        halves += halve(x);
    }
    (total, scaled, halves, big)
});

twice!(divide_references, rust_divide_references, fn(s: &[f64]) -> f64 {
    let mut t = 0.0;
    for x in s {
        t = t + x / 2.0;
    }
    t
});

twice!(methods_through_references, rust_methods_through_references, fn(s: &[i64], flags: &[bool]) -> (i64, i64, usize) {
    let mut sizes = 0;
    let mut capped = 0;
    for x in s {
        // Method lookup derefs the `&i64`.
        sizes += x.abs();
        capped += x.pow(2) + (*x).max(0).min(10);
    }
    let mut set = 0;
    for f in flags {
        if *f {
            set += 1;
        }
    }
    (sizes, capped, set)
});

#[jitclass]
pub struct Mass {
    pub kg: f64,
}

#[jitclass]
impl Mass {
    pub fn new(kg: f64) -> Mass {
        Mass { kg }
    }
}

#[jit]
fn heaviest(ms: &[Mass]) -> f64 {
    let mut best = 0.0;
    for m in ms {
        if m.kg > best {
            best = m.kg;
        }
    }
    best
}

#[test]
fn shared_slice_loops_numbers() {
    let s = [1.5, -2.0, 4.0];
    assert_eq!(deref_numbers(&s), rust_deref_numbers(&s));
    assert_eq!(deref_numbers(&[]), rust_deref_numbers(&[]));
    assert_eq!(divide_references(&s), rust_divide_references(&s));
    let xs = [3i64, -7, 25];
    let flags = [true, false, true];
    assert_eq!(
        methods_through_references(&xs, &flags),
        rust_methods_through_references(&xs, &flags)
    );
}

#[test]
fn shared_slice_loops_instances() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let ms = vec![Mass::new(2.0), Mass::new(7.5), Mass::new(1.0)];
    let plain: f64 = [2.0, 7.5, 1.0]
        .iter()
        .fold(0.0, |best: f64, &kg| best.max(kg));
    assert_eq!(heaviest(&ms), plain);
    drop(ms);
    assert!(balanced_since(&before));
}
