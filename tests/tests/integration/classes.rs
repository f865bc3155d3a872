//! `#[jitclass]`: classes with C layout, refcounted instances, methods.

use jitclass::{jit, jitclass};

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

#[jit]
fn average(xs: &[f64]) -> Option<f64> {
    let mut a = MyAvg::new();
    for i in 0..xs.len() {
        a.step(xs[i]);
    }
    a.finalize()
}

#[test]
fn my_avg_from_rust_and_jit() {
    let _memory = crate::memory_test();
    let a = MyAvg::new();
    assert_eq!(a.finalize(), None);
    a.step(1.0);
    a.step(2.0);
    assert_eq!(a.finalize(), Some(1.5));
    assert_eq!(a.count(), 2);
    a.set_total(10.0);
    assert_eq!(a.finalize(), Some(5.0));
    assert_eq!(average(&[1.0, 2.0, 3.0, 6.0]), Some(3.0));
    assert_eq!(average(&[]), None);
    drop(a);
    crate::assert_no_leaks();
}
