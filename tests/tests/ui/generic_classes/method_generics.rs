use jitclass::jitclass;

#[jitclass]
pub struct Wrap<T> {
    value: T,
}

#[jitclass]
impl<T> Wrap<T> {
    pub fn with<U>(&self, other: U) -> U {
        other
    }
}

fn main() {}
