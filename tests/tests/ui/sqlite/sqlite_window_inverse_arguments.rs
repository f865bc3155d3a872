use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_window};

// `step` takes an `i64`, `inverse` an `i8`: a row accepted going in could be refused
// going out, so `inverse` must take the arguments of `step`.
#[jitclass]
pub struct Lopsided {
    total: i64,
}

#[jitclass]
impl Lopsided {
    pub fn new() -> Lopsided {
        Lopsided { total: 0 }
    }

    pub fn step(&mut self, x: i64) {
        self.total += x;
    }

    pub fn inverse(&mut self, x: i8) {
        self.total -= x as i64;
    }

    pub fn value(&self) -> i64 {
        self.total
    }

    pub fn finalize(&self) -> i64 {
        self.total
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_window::<Lopsided>(&conn, "lopsided", FunctionFlags::SQLITE_UTF8).unwrap();
}
