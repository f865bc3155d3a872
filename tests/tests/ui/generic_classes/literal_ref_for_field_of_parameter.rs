// A bounded generic body builds a generic class's bare literal with a `&S` where the field
// is an `S`: rustc's E0308 "expected type parameter `S`, found `&S`" at the value alone
// (the literal is typed from the return type before its values are checked).
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
