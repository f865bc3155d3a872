// The bounded value passes through a `let` before the call: rustc's E0277 `U: Tag` at
// `w`, at build time, as jit code gives (it used to build and fail at the first call).
use jitclass::jit;

#[jit]
pub trait Weigh {
    fn weight(&self) -> i64;
}

#[jit]
pub trait Tag {
    fn tag(&self) -> i64 {
        7
    }
}

#[jit]
fn layer3<V: Weigh + Tag>(v: V) -> i64 {
    v.weight() * v.tag()
}

#[jit]
fn layer2<U: Weigh>(u: U) -> i64 {
    let w = u;
    layer3(w)
}

fn main() {}
