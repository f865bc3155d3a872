use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};
use std::ops::Add;

#[jitclass]
pub struct Total<T> {
    sum: Option<T>,
}

#[jitclass]
impl<T: Copy + Add<Output = T>> Total<T> {
    pub fn new() -> Self {
        Total { sum: None }
    }

    pub fn step(&mut self, x: T) {
        self.sum = Some(match self.sum {
            Some(s) => s + x,
            None => x,
        });
    }

    pub fn finalize(&self) -> Option<T> {
        self.sum
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    // `bool` is not `Add`: `Total<bool>` has no `step` (nor any function of the impl).
    register_aggregate::<Total<bool>>(&conn, "total", FunctionFlags::SQLITE_UTF8).unwrap();
}
