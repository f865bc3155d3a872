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

    pub fn finalize(&self) -> i64 {
        self.n
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Count>(&conn, "count2", FunctionFlags::SQLITE_UTF8).unwrap();
}
