// A field of a type jit code lacks, in a generic class (as in a plain class): one E0277 at
// the field's type, the class check's ("not a `#[jitclass]` type", saying how to make it
// one); the accessors assume the field is a jit value, adding no `JitType`/`JitArg` errors
// of their own. A private class in a public field builds.
use jitclass::jitclass;

struct Plain {
    x: f64,
}

#[jitclass]
struct Inner {
    k: i64,
}

#[jitclass]
pub struct Holder<T> {
    pub v: T,
    pub inner: Inner,
    pub plain: Plain,
}

fn main() {}
