//! The `Vec` kernels the report and the criterion benches measure, jit and native side by
//! side: pushes, a method summing a `Vec<f64>` field, and a `Vec` handed into and out of a
//! jit fn.

use jitclass::{jit, jitclass};

/// `n` pushes of `f64` into a new `Vec`, returned to Rust (its buffer handed over).
#[jit]
pub fn push_n(n: usize) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as f64);
    }
    v
}

#[inline(never)]
pub fn push_n_native(n: usize) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as f64);
    }
    v
}

/// A jit fn that hands its `Vec` back: in and out without copying the elements.
#[jit]
pub fn hand_back(v: Vec<f64>) -> Vec<f64> {
    v
}

#[inline(never)]
pub fn hand_back_native(v: Vec<f64>) -> Vec<f64> {
    v
}

/// Samples held in a `Vec<f64>` field.
#[jitclass]
pub struct Samples {
    pub values: Vec<f64>,
}

#[jitclass]
impl Samples {
    pub fn new() -> Samples {
        Samples { values: Vec::new() }
    }

    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for x in &self.values {
            s += x;
        }
        s
    }
}

impl Default for Samples {
    fn default() -> Self {
        Self::new()
    }
}

/// The same in native Rust.
pub struct NativeSamples {
    pub values: Vec<f64>,
}

impl NativeSamples {
    #[inline(never)]
    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for x in &self.values {
            s += x;
        }
        s
    }
}
