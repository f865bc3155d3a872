use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

// The lent bytes cannot outlive the call to `step`.
#[jitclass]
pub struct Last {
    last: &'static [u8],
}

#[jitclass]
impl Last {
    pub fn new() -> Self {
        Last { last: &[] }
    }
    pub fn step(&mut self, b: &'static [u8]) {
        self.last = b;
    }
    pub fn finalize(&self) -> i64 {
        self.last.len() as i64
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Last>(&conn, "last", FunctionFlags::SQLITE_UTF8).unwrap();
}
