// A jit error in the body of `step` is reported once, at its token: the class still has
// its `step` for `register_aggregate` (no follow-up "has no method `step`").
use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Median {
    values: Option<Vec<f64>>,
}

#[jitclass]
impl Median {
    pub fn new() -> Self {
        Median { values: None }
    }

    pub fn step(&mut self, x: f64) {
        if let Some(v) = &mut self.values {
            v.push(x);
        }
    }

    pub fn finalize(&mut self) -> Option<f64> {
        None
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Median>(&conn, "median", FunctionFlags::SQLITE_UTF8).unwrap();
}
