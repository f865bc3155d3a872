use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq)]
pub struct Wrap<T> {
    value: T,
}

fn main() {}
