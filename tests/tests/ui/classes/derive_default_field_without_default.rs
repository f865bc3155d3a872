use jitclass::jitclass;

#[jitclass]
pub struct Inner {
    x: i64,
}

#[jitclass]
#[derive(Default)]
pub struct Outer {
    n: u8,
    inner: Inner,
}

fn main() {}
