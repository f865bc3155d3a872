// An unknown type in a generic class's field: rustc's "cannot find type `U` in this scope",
// once, at the type (rustc's help "you might be missing a type parameter" is not given:
// the accessors' signatures name the type, where rustc gives none).
use jitclass::jitclass;

#[jitclass]
pub struct A<T> {
    pub v: T,
    pub w: U,
}

fn main() {}
