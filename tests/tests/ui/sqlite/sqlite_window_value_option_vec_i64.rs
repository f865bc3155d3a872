use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_window};

#[jitclass]
pub struct Lengths {
    lens: Vec<i64>,
}

#[jitclass]
impl Lengths {
    pub fn new() -> Self {
        Lengths { lens: Vec::new() }
    }
    pub fn step(&mut self, b: &[u8]) {
        self.lens.push(b.len() as i64);
    }
    pub fn inverse(&mut self, _b: &[u8]) {
        self.lens.remove(0);
    }
    pub fn value(&self) -> Option<Vec<i64>> {
        Some(self.lens.clone())
    }
    pub fn finalize(&self) -> Vec<u8> {
        Vec::new()
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_window::<Lengths>(&conn, "lengths", FunctionFlags::SQLITE_UTF8).unwrap();
}
