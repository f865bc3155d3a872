use jitclass::jitclass;
use std::ops::Add;

#[jitclass]
struct Acc {
    v: i64,
}

#[jitclass]
impl Add for Acc {
    type Output = Acc;
    fn add(mut self, rhs: Acc) -> Acc {
        self = rhs;
        self
    }
}

fn main() {}
