use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_window};

#[jitclass]
pub struct Total {
    n: i64,
}

#[jitclass]
impl Total {
    pub fn new() -> Self {
        Total { n: 0 }
    }
    pub fn step(&mut self, b: &[u8]) {
        self.n += b.len() as i64;
    }
    pub fn inverse(&mut self, n: i64) {
        self.n -= n;
    }
    pub fn value(&self) -> i64 {
        self.n
    }
    pub fn finalize(&self) -> i64 {
        self.n
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_window::<Total>(&conn, "total_len", FunctionFlags::SQLITE_UTF8).unwrap();
}
