// A generic class's field that is another generic class over its parameter compiles and
// runs (was refused at `T`).
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
impl<T: Copy> Outer<T> {
    pub fn new(inner: Inner<T>) -> Self {
        Outer { inner }
    }

    pub fn value(&self) -> T {
        self.inner.v
    }
}

#[jitclass]
impl<T> Inner<T> {
    pub fn new(v: T) -> Self {
        Inner { v }
    }
}

fn main() {
    let o = Outer::new(Inner::new(7_i64));
    assert_eq!(o.value(), 7);
}
