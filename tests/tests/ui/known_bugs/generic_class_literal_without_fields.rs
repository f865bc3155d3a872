// A literal without fields of a generic class written without type arguments: rustc's
// E0063 "missing fields `a` and `b` in initializer of `Pair<_, _>`" at `Pair`. jit code
// refuses it at build time, but as E0107 "missing generics for struct `Pair`" with a help
// to add them (the shadow checks a literal without fields as one of the class's
// `FieldlessLiteral`, whose type names the class with its arguments).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    a: A,
    b: B,
}

#[jit]
fn generic_bare() -> Pair<i64, f64> {
    Pair {}
}

fn main() {}
