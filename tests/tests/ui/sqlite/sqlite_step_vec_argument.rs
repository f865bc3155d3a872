use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Bytes {
    all: Vec<u8>,
}

#[jitclass]
impl Bytes {
    pub fn new() -> Self {
        Bytes { all: Vec::new() }
    }

    // A BLOB is lent as `&[u8]`; an owned `Vec<u8>` would be a copy per row.
    pub fn step(&mut self, b: Vec<u8>) {
        self.all.extend_from_slice(&b[..]);
    }

    pub fn finalize(&self) -> Vec<u8> {
        self.all.clone()
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Bytes>(&conn, "bytes", FunctionFlags::SQLITE_UTF8).unwrap();
}
