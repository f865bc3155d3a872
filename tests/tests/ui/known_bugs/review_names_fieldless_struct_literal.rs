// A literal without fields of a struct that is no class: one error at its name, as for a
// literal with fields (`statements/struct_literal.rs`). Today a second one follows, E0071
// "expected struct, variant or union type, found inferred type", from the shadow's check of
// a literal without fields (`FieldlessLiteral::<Marker> {}`).
use jitclass::jit;

pub struct Marker {}

#[jit]
fn make() -> i64 {
    let _m = Marker {};
    1
}

fn main() {}
