use jitclass::jitclass;

#[jitclass]
pub struct Inner<T: Copy> {
    pub v: T,
}

#[jitclass]
pub struct Outer<T> {
    pub inner: Inner<T>,
}

fn main() {}
