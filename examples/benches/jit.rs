//! Criterion benchmarks of jit calls and kernels against native Rust.
//!
//! Run: `cargo bench -p jitclass-examples`

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use jitclass::jit;
use jitclass_examples::random_f64s;

#[jit]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[inline(never)]
fn add_native(a: i64, b: i64) -> i64 {
    a + b
}

#[jit]
fn sum(xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i];
    }
    acc
}

#[inline(never)]
fn sum_native(xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i];
    }
    acc
}

#[jit]
fn dot(xs: &[f64], ys: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i] * ys[i];
    }
    acc
}

#[inline(never)]
fn dot_native(xs: &[f64], ys: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..xs.len() {
        acc += xs[i] * ys[i];
    }
    acc
}

fn calls(c: &mut Criterion) {
    let mut g = c.benchmark_group("call");
    add(1, 2);
    g.bench_function("jit add", |b| b.iter(|| add(black_box(1), black_box(2))));
    g.bench_function("native add", |b| {
        b.iter(|| add_native(black_box(1), black_box(2)))
    });
    g.finish();
}

fn kernels(c: &mut Criterion) {
    let xs = random_f64s(1_000_000, 1);
    let ys = random_f64s(1_000_000, 2);
    let mut g = c.benchmark_group("kernels_1M_f64");
    g.bench_function("jit sum", |b| b.iter(|| sum(black_box(&xs))));
    g.bench_function("native sum", |b| b.iter(|| sum_native(black_box(&xs))));
    g.bench_function("jit dot", |b| {
        b.iter(|| dot(black_box(&xs), black_box(&ys)))
    });
    g.bench_function("native dot", |b| {
        b.iter(|| dot_native(black_box(&xs), black_box(&ys)))
    });
    g.finish();
}

criterion_group!(benches, calls, kernels);
criterion_main!(benches);
