use jitclass::{jitclass, objmode};

#[jitclass]
pub struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    pub fn report(&self) -> i64 {
        objmode!(|| -> i64 { self.n() })
    }
}

fn main() {}
