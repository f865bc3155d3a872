// A literal without fields of a struct that is no class: one error at its name, as for a
// literal with fields (`statements/struct_literal.rs`). Today "cannot find macro `Marker`"
// comes first, from the shadow's check of a literal without fields written without type
// arguments (`Marker!(@fieldless Marker)`: a class's macro says whether it has fields).
use jitclass::jit;

pub struct Marker {}

#[jit]
fn make() -> i64 {
    let _m = Marker {};
    1
}

fn main() {}
