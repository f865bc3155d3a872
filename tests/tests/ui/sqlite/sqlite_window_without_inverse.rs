use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_window};

#[jitclass]
pub struct Sum {
    s: f64,
}

#[jitclass]
impl Sum {
    pub fn new() -> Self {
        Sum { s: 0.0 }
    }

    pub fn step(&mut self, x: f64) {
        self.s += x;
    }

    pub fn value(&self) -> f64 {
        self.s
    }

    pub fn finalize(&self) -> f64 {
        self.s
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_window::<Sum>(&conn, "wsum", FunctionFlags::SQLITE_UTF8).unwrap();
}
