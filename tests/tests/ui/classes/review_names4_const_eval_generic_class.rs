// A constant whose evaluation fails in a generic class's method: named by its method, as
// rustc names it (`Holder::<T>::cap::C`).
use jitclass::jitclass;

#[jitclass]
pub struct Holder<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Holder<T> {
    pub fn cap(&self) -> usize {
        const C: usize = 1 / 0;
        self.items.len() + C
    }
}

fn main() {}
