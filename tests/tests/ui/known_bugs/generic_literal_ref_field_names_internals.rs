// A bounded generic body builds a generic class's bare literal with a `&S` where the field
// is an `S`: rustc's E0308 "expected `Wrap<S>`, found `Wrap<&S>`" alone; jitclass adds an
// E0277 "`&S` is not a jit value type" naming `jitclass::shadow::Member` and
// `Probe::slot` (the shadow's probe of the literal's field).
use jitclass::{jit, jitclass};

#[jit]
pub trait Counter {
    fn get(&self) -> i64;
}

#[jitclass]
pub struct Wrap<T> {
    item: T,
}

#[jit]
fn field_of_ref<S: Counter>(s: &S) -> Wrap<S> {
    Wrap { item: s }
}

fn main() {}
