use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq)]
pub struct Inner<T> {
    pub v: Vec<T>,
}

// rustc: E0277 `Inner<T>: Default` not satisfied, once, at the field.
#[jitclass]
#[derive(Default)]
pub struct Outer<T> {
    pub inner: Inner<T>,
}

fn main() {}
