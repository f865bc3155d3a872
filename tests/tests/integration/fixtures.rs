//! Classes that several test modules share: NBEP 3's `MyAvg` aggregate.

use jitclass::jitclass;

/// The running mean of SQLite's `avg` (NBEP 3's example class). Its fields are
/// `pub(crate)` so that tests in other modules reach their accessors.
#[jitclass]
pub struct MyAvg {
    pub(crate) total: f64,
    pub(crate) count: i64,
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
