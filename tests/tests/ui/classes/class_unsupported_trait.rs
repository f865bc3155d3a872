use jitclass::jitclass;
use std::fmt;

#[jitclass]
struct Money {
    cents: i64,
}

#[jitclass]
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.cents)
    }
}

fn main() {}
