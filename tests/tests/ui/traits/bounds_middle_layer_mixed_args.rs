// A bounded generic jit fn passes its value beside a number to a callee needing a bound
// it does not have: rustc refuses `layer2`'s body, E0277 "the trait bound `U: Tag` is
// not satisfied" at `u`, and so does jit code, at build time (it used to build and fail
// at the first call).
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
fn layer3<V: Weigh + Tag>(v: V, k: i64) -> i64 {
    v.weight() * v.tag() * k
}

#[jit]
fn layer2<U: Weigh>(u: U) -> i64 {
    layer3(u, 2)
}

fn main() {}
