use jitclass::jitclass;

// rustc's E0277 for `Eq` without `PartialEq`, naming the class with its parameters.
#[jitclass]
#[derive(Eq)]
pub struct Wrap<T> {
    value: T,
}

fn main() {}
