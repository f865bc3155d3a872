use jitclass::jitclass;

#[jitclass]
pub struct Inner {
    x: i64,
}

#[jitclass]
#[derive(PartialEq)]
pub struct Outer {
    n: u8,
    inner: Option<Inner>,
}

fn main() {}
