// An unknown type in a class's field: rustc's "cannot find type `U` in this scope", once,
// at the type.
use jitclass::jitclass;

#[jitclass]
pub struct B {
    pub v: i64,
    pub w: U,
}

fn main() {}
