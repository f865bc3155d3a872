//! The quickest tour of jitclass: a `#[jit]` function compiled at its first call,
//! a generic one specialised per type, the dispatcher, a DSL panic, and a `#[jitclass]`.
//!
//! Run: `cargo run --release -p jitclass-examples --example quickstart`

use jitclass::{jit, jitclass};
use std::time::Instant;

/// Compiled through LLVM the first time it is called.
#[jit]
fn dot(xs: &[f64], ys: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i] * ys[i];
    }
    acc
}

/// Specialised for each element type it is called with.
#[jit]
fn mean<T>(xs: &[T]) -> f64 {
    let mut total = 0.0;
    for i in 0..xs.len() {
        total += xs[i] as f64;
    }
    total / xs.len() as f64
}

/// Rust semantics: out-of-bounds indexing panics with Rust's message and the DSL location.
#[jit]
fn nth(xs: &[i64], i: usize) -> i64 {
    xs[i]
}

/// A class: C-layout fields, reference-counted instances, compiled methods.
#[jitclass]
struct Stats {
    count: i64,
    mean: f64,
    m2: f64,
}

#[jitclass]
impl Stats {
    fn new() -> Self {
        Stats {
            count: 0,
            mean: 0.0,
            m2: 0.0,
        }
    }

    /// Welford's online update.
    fn push(&mut self, x: f64) {
        self.count += 1;
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (x - self.mean);
    }

    #[getter]
    fn variance(&self) -> f64 {
        if self.count < 2 {
            0.0
        } else {
            self.m2 / (self.count - 1) as f64
        }
    }
}

/// Builds an instance in jit code; the variance is read as a property there.
#[jit]
fn describe(xs: &[f64]) -> (Stats, f64) {
    let mut s = Stats::new();
    for i in 0..xs.len() {
        s.push(xs[i]);
    }
    let v = s.variance;
    (s, v)
}

fn main() {
    let xs: Vec<f64> = (0..1_000_000).map(|i| i as f64 * 0.5).collect();
    let ys: Vec<f64> = (0..1_000_000).map(|i| 1.0 / (1.0 + i as f64)).collect();

    let t = Instant::now();
    let first = dot(&xs, &ys);
    let cold = t.elapsed();
    let t = Instant::now();
    let second = dot(&xs, &ys);
    let warm = t.elapsed();
    assert_eq!(first, second);
    println!("dot = {first:.6}: first call {cold:?} (compiles), second call {warm:?}");

    println!("mean of i32s = {}", mean(&[1i32, 2, 3, 4]));
    println!("mean of f32s = {}", mean(&[0.5f32, 1.5]));
    let d = mean::dispatcher();
    println!("`mean` has {} compiled signatures:", d.compile_count());
    for sig in d.signatures() {
        println!("  {sig}");
    }

    // Silence the default panic hook while we catch the panic on purpose.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let err = std::panic::catch_unwind(|| nth(&[1, 2, 3], 7)).unwrap_err();
    std::panic::set_hook(hook);
    let message = err.downcast_ref::<String>().expect("a formatted panic");
    println!(
        "nth(&[1, 2, 3], 7) panicked:\n  {}",
        message.replace('\n', "\n  ")
    );

    // A class built in jit code, used from Rust: the same instance, the same methods.
    let (mut s, variance) = describe(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
    println!("describe(..) = {s:?}, variance {variance:.3}");
    s.push(100.0);
    println!(
        "after s.push(100.0): mean {:.3}, variance {:.3}",
        s.mean(),
        s.variance()
    );
}
