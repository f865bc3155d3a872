// A struct literal without fields of a class that has fields: rustc's E0063 at the class's
// name, naming the class's fields only (a class without fields has a hidden one, which its
// literal `Empty {}` need not name).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Counter {
    total: i64,
    count: i64,
}

#[jit]
fn make() -> Counter {
    Counter {}
}

fn main() {}
