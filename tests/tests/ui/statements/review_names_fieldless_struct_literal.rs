// A literal without fields of a struct that is no class: one error at its name, as for a
// literal with fields (`struct_literal.rs`).
use jitclass::jit;

pub struct Marker {}

#[jit]
fn make() -> i64 {
    let _m = Marker {};
    1
}

fn main() {}
