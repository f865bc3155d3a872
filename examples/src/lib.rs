//! Shared pieces of the jitclass examples and benchmarks: the measured kernels (each as a
//! `#[jit]` fn and as the same native Rust fn) and timing helpers.

use std::time::{Duration, Instant};

/// The kernels the report and the criterion benches measure, jit and native side by side.
pub mod kernels {
    use jitclass::jit;

    #[jit]
    pub fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[inline(never)]
    pub fn add_native(a: i64, b: i64) -> i64 {
        a + b
    }

    #[jit]
    pub fn sum(xs: &[f64]) -> f64 {
        let mut acc = 0.0;
        for i in 0..xs.len() {
            acc += xs[i];
        }
        acc
    }

    #[inline(never)]
    pub fn sum_native(xs: &[f64]) -> f64 {
        let mut acc = 0.0;
        for x in xs {
            acc += x;
        }
        acc
    }

    #[jit]
    pub fn dot(xs: &[f64], ys: &[f64]) -> f64 {
        let mut acc = 0.0;
        for i in 0..xs.len() {
            acc += xs[i] * ys[i];
        }
        acc
    }

    #[inline(never)]
    pub fn dot_native(xs: &[f64], ys: &[f64]) -> f64 {
        let mut acc = 0.0;
        for (x, y) in xs.iter().zip(ys) {
            acc += x * y;
        }
        acc
    }
}

/// The class kernels: a jitclass aggregate and the same `#[repr(C)]` struct in native Rust.
pub mod classes {
    use jitclass::{jit, jitclass};

    /// The running mean of SQLite's `avg`, as a jitclass (NBEP 3's `MyAvg`).
    #[jitclass]
    pub struct MyAvg {
        total: f64,
        count: i64,
    }

    #[jitclass]
    impl MyAvg {
        pub fn new() -> Self {
            MyAvg {
                total: 0.0,
                count: 0,
            }
        }

        pub fn step(&mut self, value: f64) {
            self.total += value;
            self.count += 1;
        }

        pub fn finalize(&self) -> Option<f64> {
            if self.count == 0 {
                None
            } else {
                Some(self.total / self.count as f64)
            }
        }
    }

    impl Default for MyAvg {
        fn default() -> Self {
            Self::new()
        }
    }

    /// `let mut a = MyAvg::new(); for x in xs { a.step(x) } a.finalize()` in jit code.
    #[jit]
    pub fn avg_loop(xs: &[f64]) -> Option<f64> {
        let mut a = MyAvg::new();
        for i in 0..xs.len() {
            a.step(xs[i]);
        }
        a.finalize()
    }

    /// The same aggregate in native Rust, with the payload's layout.
    #[repr(C)]
    pub struct NativeAvg {
        total: f64,
        count: i64,
    }

    impl NativeAvg {
        #[inline]
        pub fn new() -> NativeAvg {
            NativeAvg {
                total: 0.0,
                count: 0,
            }
        }

        #[inline(never)]
        pub fn step_not_inlined(&mut self, value: f64) {
            self.step(value)
        }

        #[inline]
        pub fn step(&mut self, value: f64) {
            self.total += value;
            self.count += 1;
        }

        #[inline]
        pub fn finalize(&self) -> Option<f64> {
            if self.count == 0 {
                None
            } else {
                Some(self.total / self.count as f64)
            }
        }
    }

    impl Default for NativeAvg {
        fn default() -> Self {
            Self::new()
        }
    }

    #[inline(never)]
    pub fn avg_loop_native(xs: &[f64]) -> Option<f64> {
        let mut a = NativeAvg::new();
        for x in xs {
            a.step(*x);
        }
        a.finalize()
    }
}

/// Times `a` and `b` alternately, `rounds` times each, and returns the median of each:
/// interleaving makes both see the same machine load, so their ratio is fair on a
/// shared, noisy machine.
pub fn median_pair(
    rounds: usize,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (Duration, Duration) {
    let mut ta = Vec::with_capacity(rounds);
    let mut tb = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        a();
        ta.push(t.elapsed());
        let t = Instant::now();
        b();
        tb.push(t.elapsed());
    }
    ta.sort();
    tb.sort();
    (ta[rounds / 2], tb[rounds / 2])
}

/// A deterministic pseudo-random f64 in [0, 1) (xorshift), so runs are comparable.
pub fn random_f64s(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}
