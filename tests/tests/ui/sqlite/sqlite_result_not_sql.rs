use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct MinMax {
    lo: f64,
    hi: f64,
}

#[jitclass]
impl MinMax {
    pub fn new() -> Self {
        MinMax { lo: f64::MAX, hi: f64::MIN }
    }

    pub fn step(&mut self, x: f64) {
        self.lo = self.lo.min(x);
        self.hi = self.hi.max(x);
    }

    pub fn finalize(&self) -> (f64, f64) {
        (self.lo, self.hi)
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<MinMax>(&conn, "minmax", FunctionFlags::SQLITE_UTF8).unwrap();
}
