use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_window};

// `value` runs once per row with the state still in use: moving the field out of `&self`
// would hand SQLite a buffer the state still holds (rustc's E0507).
#[jitclass]
pub struct Cat {
    bytes: Vec<u8>,
}

#[jitclass]
impl Cat {
    pub fn new() -> Self {
        Cat { bytes: Vec::new() }
    }
    pub fn step(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
    }
    pub fn inverse(&mut self, b: &[u8]) {
        self.bytes.truncate(self.bytes.len() - b.len());
    }
    pub fn value(&self) -> Vec<u8> {
        self.bytes
    }
    pub fn finalize(&self) -> Vec<u8> {
        self.bytes.clone()
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_window::<Cat>(&conn, "cat", FunctionFlags::SQLITE_UTF8).unwrap();
}
