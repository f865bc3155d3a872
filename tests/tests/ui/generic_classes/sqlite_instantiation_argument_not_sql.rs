use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Last<T> {
    last: Option<T>,
}

#[jitclass]
impl<T> Last<T> {
    pub fn new() -> Self {
        Last { last: None }
    }

    pub fn step(&mut self, x: T) {
        self.last = Some(x);
    }

    pub fn finalize(&self) -> i64 {
        0
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Last<i64>>(&conn, "last", FunctionFlags::SQLITE_UTF8).unwrap();
    // A tuple is no SQL value: the instantiation's `step` takes one.
    register_aggregate::<Last<(i64, i64)>>(&conn, "last2", FunctionFlags::SQLITE_UTF8).unwrap();
}
