// A struct literal without fields of a class that has fields: rustc's E0063 at the class's
// name. The handle has exactly the class's fields, but a class without fields has a hidden
// one, so the shadow writes every literal without fields as `C { ..never() }` (which rustc
// checks for no missing field), and the missing fields are reported only at the first call.
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
