//! Sections (i) and (j) of the report: `Vec<f64>` in jit code, and sorting with a closure.

use crate::{ns_per_element, row};
use jitclass_examples::{median_pair, random_f64s};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// (i) `Vec<f64>` in jit code: pushes, a method over a `Vec` field, and a `Vec` handed
/// into and out of a jit fn.
pub fn vecs(n: usize, xs: &[f64]) {
    use jitclass_examples::vecs::{
        NativeSamples, Samples, hand_back, hand_back_native, push_n, push_n_native,
    };
    println!("\n(i) Vec<f64> in jit code");
    assert_eq!(push_n(1000), push_n_native(1000)); // compile outside the timed loop
    let (jit, native) = ns_per_element(
        n,
        || push_n(black_box(n)).len() as f64,
        || push_n_native(black_box(n)).len() as f64,
    );
    row(
        &format!("    {}M pushes, returned to Rust", n / 1_000_000),
        jit,
        native,
        "ns/el",
        "target: within 1.2x of native",
    );
    let samples = Samples::new();
    samples.set_values(xs.to_vec());
    let native_samples = NativeSamples {
        values: xs.to_vec(),
    };
    assert_eq!(samples.sum(), native_samples.sum());
    let (jit, native) = ns_per_element(n, || samples.sum(), || native_samples.sum());
    row(
        "    sum of a Vec<f64> field",
        jit,
        native,
        "ns/el",
        "target: within 1.1x of native",
    );
    // One buffer goes back and forth; a copy of it would take milliseconds.
    let mut v = Some(xs.to_vec());
    let mut w = Some(xs.to_vec());
    let rounds = 1000;
    let (jit, native) = median_pair(
        9,
        || {
            for _ in 0..rounds {
                v = Some(hand_back(black_box(v.take().unwrap())));
            }
        },
        || {
            for _ in 0..rounds {
                w = Some(hand_back_native(black_box(w.take().unwrap())));
            }
        },
    );
    let per = |d: Duration| d.as_secs_f64() * 1e9 / rounds as f64;
    let copy = {
        let t = Instant::now();
        black_box(xs.to_vec());
        t.elapsed()
    };
    row(
        &format!("    a {}M-element Vec in and out", n / 1_000_000),
        per(jit),
        per(native),
        "ns",
        &format!(
            "O(1): no copy (a copy of it takes {:.2} ms)",
            copy.as_secs_f64() * 1e3
        ),
    );
}

/// (j) sorting 1,000,000 f64 with a closure; each round sorts a fresh copy of the same
/// random data (the copy, ~0.3 ms, is timed on both sides).
pub fn sorting() {
    use jitclass_examples::sorting::*;
    let n = 1_000_000;
    let data = random_f64s(n, 7);
    let mut check = data.clone();
    let mut expected = data.clone();
    sort_floats(&mut check); // compiled outside the timed rounds
    sort_floats_native(&mut expected);
    assert_eq!(check, expected);
    sort_floats_unstable(&mut check.clone());
    println!("\n(j) sorting {n} random f64 with a closure");
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (jit, native) = median_pair(
        9,
        || sort_floats(black_box(&mut data.clone())),
        || sort_floats_native(black_box(&mut data.clone())),
    );
    row(
        "    sort_by(|a, b| a.total_cmp(b))",
        ms(jit),
        ms(native),
        "ms",
        "target: within 1.2x of native",
    );
    let (jit, native) = median_pair(
        9,
        || sort_floats_unstable(black_box(&mut data.clone())),
        || sort_floats_unstable_native(black_box(&mut data.clone())),
    );
    row(
        "    sort_unstable_by(total_cmp)",
        ms(jit),
        ms(native),
        "ms",
        "",
    );
    sort_floats_prelude(&mut check.clone());
    let (jit, native) = median_pair(
        9,
        || sort_floats_prelude(black_box(&mut data.clone())),
        || sort_floats_prelude_native(black_box(&mut data.clone())),
    );
    row(
        "    prelude: sort_by(..reverse())",
        ms(jit),
        ms(native),
        "ms",
        "in-place prelude (not std's)",
    );
}
