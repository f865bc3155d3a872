// A field of a type jit code lacks, in a generic class (as in a plain class): one E0277 at
// the field's type is what the user needs. jitclass gives four there: `JitType` twice (the
// bounds of the accessors' `Handle::get`/`set`, with notes showing the runtime's source),
// then `JitArg` and `JitClass`, naming its traits. A private class in a public field builds.
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
