// A generic class's impl bounded by `Weigh` passes its field to a fn needing `Tag` too:
// rustc's E0277 "the trait bound `T: Tag` is not satisfied" at build time.
use jitclass::{jit, jitclass};

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

#[jitclass]
pub struct Holder<T> {
    item: T,
}

#[jitclass]
impl<T: Weigh> Holder<T> {
    pub fn total(&self) -> i64 {
        layer3(self.item)
    }
}

fn main() {}
