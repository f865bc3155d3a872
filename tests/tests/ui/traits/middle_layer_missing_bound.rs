// A bounded generic jit fn calls another whose bounds its own do not give: rustc refuses
// `layer2`'s body, E0277 "the trait bound `U: Tag` is not satisfied" at `xs` (help:
// consider further restricting type parameter `U` with trait `Tag`), and so does jit
// code, at build time (it used to build and fail at the first call).
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
fn layer3<V>(xs: &[V]) -> i64
where
    V: Weigh + Tag,
{
    let mut t = 0;
    for x in xs {
        t += x.weight() * x.tag();
    }
    t
}

#[jit]
fn layer2<U: Weigh>(xs: &[U]) -> i64 {
    layer3(xs)
}

fn main() {}
