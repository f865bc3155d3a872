use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Count {
    n: i64,
}

#[jitclass]
impl Count {
    pub fn new() -> Self {
        Count { n: 0 }
    }

    pub fn step(&mut self, x: f64) {
        self.n += 1;
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Count>(&conn, "count2", FunctionFlags::SQLITE_UTF8).unwrap();
}
