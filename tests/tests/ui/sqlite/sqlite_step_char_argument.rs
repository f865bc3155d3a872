use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Letters {
    n: i64,
}

#[jitclass]
impl Letters {
    pub fn new() -> Self {
        Letters { n: 0 }
    }

    // SQL has no character type: take a `&str`.
    pub fn step(&mut self, c: char) {
        if c.is_alphabetic() {
            self.n += 1;
        }
    }

    pub fn finalize(&self) -> i64 {
        self.n
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Letters>(&conn, "letters", FunctionFlags::SQLITE_UTF8).unwrap();
}
