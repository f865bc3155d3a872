use jitclass::jitclass;

#[jitclass]
pub struct Inner<T> {
    pub v: T,
}

#[jitclass]
pub struct Outer<T> {
    pub inner: Inner<T>,
}

#[jitclass]
impl<T> Outer<T> {
    pub fn new(inner: Inner<T>) -> Self {
        Outer { inner }
    }
}

fn main() {}
