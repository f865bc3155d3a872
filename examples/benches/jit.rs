//! Criterion benchmarks of jit calls and kernels against native Rust.
//!
//! Run: `cargo bench -p jitclass-examples --bench jit`

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use jitclass_examples::classes::{MyAvg, NativeAvg, avg_loop, avg_loop_native};
use jitclass_examples::kernels::{add, add_native, dot, dot_native, sum, sum_native};
use jitclass_examples::random_f64s;

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

fn classes(c: &mut Criterion) {
    let mut g = c.benchmark_group("classes");
    drop(MyAvg::new());
    g.bench_function("jit construct + drop", |b| {
        b.iter(|| drop(black_box(MyAvg::new())))
    });
    g.bench_function("native Box::new + drop", |b| {
        b.iter(|| drop(black_box(Box::new(NativeAvg::new()))))
    });
    let mut a = MyAvg::new();
    a.step(1.0);
    let mut n = NativeAvg::new();
    g.bench_function("jit method call", |b| b.iter(|| a.step(black_box(1.0))));
    g.bench_function("native method call", |b| {
        b.iter(|| n.step_not_inlined(black_box(1.0)))
    });
    let xs = random_f64s(1_000_000, 3);
    g.bench_function("jit MyAvg loop 1M", |b| b.iter(|| avg_loop(black_box(&xs))));
    g.bench_function("native MyAvg loop 1M", |b| {
        b.iter(|| avg_loop_native(black_box(&xs)))
    });
    g.finish();
}

/// SQLite aggregates over 1,000,000 rows: builtin `avg`, the jitclass aggregate, a
/// hand-written C-API callback, rusqlite's `Aggregate` trait.
fn sqlite(c: &mut Criterion) {
    use jitclass::sqlite::Connection;
    use jitclass_examples::sqlite::{aggregate, populate, register_all};
    let conn = Connection::open_in_memory().expect("SQLite opens");
    populate(&conn, 1_000_000).expect("the table fills");
    register_all(&conn).expect("the functions register");
    let mut g = c.benchmark_group("sqlite_1M_rows");
    g.sample_size(20);
    for f in ["avg", "my_avg", "c_avg", "rs_avg"] {
        g.bench_function(f, |b| b.iter(|| aggregate(&conn, black_box(f)).unwrap()));
    }
    g.finish();
}

/// `SELECT median(x)` over 1,000,000 rows, the state a `Vec<f64>`: the jitclass and the
/// same algorithm on rusqlite's `Aggregate` in Rust.
fn sqlite_median(c: &mut Criterion) {
    use jitclass::sqlite::Connection;
    use jitclass_examples::median::{median_of_all, register_medians};
    use jitclass_examples::sqlite::populate;
    let conn = Connection::open_in_memory().expect("SQLite opens");
    populate(&conn, 1_000_000).expect("the table fills");
    register_medians(&conn).expect("the functions register");
    assert_eq!(
        median_of_all(&conn, "median").unwrap(),
        median_of_all(&conn, "rs_median").unwrap()
    );
    let mut g = c.benchmark_group("sqlite_median_1M_rows");
    g.sample_size(10);
    for f in ["median", "rs_median"] {
        g.bench_function(f, |b| {
            b.iter(|| median_of_all(&conn, black_box(f)).unwrap())
        });
    }
    g.finish();
}

/// Crossing between jit code and Rust: an `objmode!` block, a `PassThru` round trip.
fn passthru(c: &mut Criterion) {
    use jitclass::PassThru;
    use jitclass_examples::passthru::{
        Session, add_with_empty_objmode, pass_through, pass_through_native,
    };
    use std::sync::Arc;
    let mut g = c.benchmark_group("passthru");
    g.bench_function("jit add", |b| b.iter(|| add(black_box(1), black_box(2))));
    g.bench_function("jit add + empty objmode!", |b| {
        b.iter(|| add_with_empty_objmode(black_box(1), black_box(2)))
    });
    let session = PassThru::new(Session {
        name: "bench".into(),
    });
    g.bench_function("PassThru into and out of a jit fn", |b| {
        b.iter(|| pass_through(black_box(session.clone())))
    });
    let native = Arc::new(Session {
        name: "bench".into(),
    });
    // The same four count updates: the argument's clone and drop, the result's.
    g.bench_function("native Arc through a fn", |b| {
        b.iter(|| pass_through_native(black_box(&native.clone())))
    });
    g.finish();
}

fn dispatch(c: &mut Criterion) {
    use jitclass_examples::dispatch::{
        affine, map_sum_direct, map_sum_indirect, map_sum_indirect_native,
    };
    let xs = jitclass_examples::random_f64s(100_000, 7);
    let f: extern "C" fn(f64) -> f64 = black_box(affine::cfunc_ptr());
    assert_eq!(map_sum_direct(&xs), map_sum_indirect(f, &xs));
    let mut g = c.benchmark_group("dispatch");
    g.bench_function("call by name (100k el)", |b| {
        b.iter(|| map_sum_direct(black_box(&xs)))
    });
    g.bench_function("call through fn pointer (100k el)", |b| {
        b.iter(|| map_sum_indirect(f, black_box(&xs)))
    });
    g.bench_function("native loop through fn pointer (100k el)", |b| {
        b.iter(|| map_sum_indirect_native(f, black_box(&xs)))
    });
    g.finish();
}

/// Float methods of the math library: jit code calls Rust's own implementations, so a
/// loop costs what the native loop costs (plus a jump into the wrapper per call).
fn math(c: &mut Criterion) {
    use jitclass_examples::kernels::{sin_cbrt_sum, sin_cbrt_sum_native};
    let xs = jitclass_examples::random_f64s(10_000, 11);
    let (s, r) = sin_cbrt_sum(&xs);
    let (s_native, r_native) = sin_cbrt_sum_native(&xs);
    assert_eq!(
        (s.to_bits(), r.to_bits()),
        (s_native.to_bits(), r_native.to_bits())
    );
    let mut g = c.benchmark_group("math");
    g.bench_function("jit sin + cbrt (10k el)", |b| {
        b.iter(|| sin_cbrt_sum(black_box(&xs)))
    });
    g.bench_function("native sin + cbrt (10k el)", |b| {
        b.iter(|| sin_cbrt_sum_native(black_box(&xs)))
    });
    g.finish();
}

/// `Vec<f64>` in jit code: pushes, a method over a `Vec` field, a `Vec` in and out.
fn vecs(c: &mut Criterion) {
    use jitclass_examples::vecs::{
        NativeSamples, Samples, hand_back, hand_back_native, push_n, push_n_native,
    };
    let xs = random_f64s(1_000_000, 3);
    assert_eq!(push_n(1000), push_n_native(1000));
    let mut g = c.benchmark_group("vecs_1M_f64");
    g.bench_function("jit push", |b| b.iter(|| push_n(black_box(1_000_000))));
    g.bench_function("native push", |b| {
        b.iter(|| push_n_native(black_box(1_000_000)))
    });
    let samples = Samples::new();
    samples.set_values(xs.clone());
    let native_samples = NativeSamples { values: xs.clone() };
    g.bench_function("jit sum of a field", |b| b.iter(|| samples.sum()));
    g.bench_function("native sum of a field", |b| b.iter(|| native_samples.sum()));
    let mut v = Some(xs.clone());
    g.bench_function("jit Vec in and out", |b| {
        b.iter(|| v = Some(hand_back(black_box(v.take().unwrap()))))
    });
    let mut w = Some(xs);
    g.bench_function("native Vec in and out", |b| {
        b.iter(|| w = Some(hand_back_native(black_box(w.take().unwrap()))))
    });
    g.finish();
}

fn sorting(c: &mut Criterion) {
    use jitclass_examples::sorting::{
        sort_floats, sort_floats_native, sort_floats_unstable, sort_floats_unstable_native,
    };
    let data = random_f64s(1_000_000, 7);
    let mut g = c.benchmark_group("sort_1M_f64");
    g.sample_size(10);
    g.bench_function("jit sort_by(total_cmp)", |b| {
        b.iter(|| sort_floats(black_box(&mut data.clone())))
    });
    g.bench_function("native sort_by(total_cmp)", |b| {
        b.iter(|| sort_floats_native(black_box(&mut data.clone())))
    });
    g.bench_function("jit sort_unstable_by(total_cmp)", |b| {
        b.iter(|| sort_floats_unstable(black_box(&mut data.clone())))
    });
    g.bench_function("native sort_unstable_by(total_cmp)", |b| {
        b.iter(|| sort_floats_unstable_native(black_box(&mut data.clone())))
    });
    g.finish();
}

criterion_group!(
    benches,
    calls,
    kernels,
    classes,
    sqlite,
    sqlite_median,
    passthru,
    dispatch,
    math,
    vecs,
    sorting
);
criterion_main!(benches);
