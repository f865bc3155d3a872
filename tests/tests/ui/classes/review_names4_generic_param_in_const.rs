// A generic class's method whose `const` item names the impl's parameter: rustc refuses
// it (E0401 "can't use generic parameters from outer item").
use jitclass::jitclass;

#[jitclass]
pub struct Holder<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Holder<T> {
    pub fn size(&self) -> usize {
        const N: usize = std::mem::size_of::<T>();
        self.items.len() * N
    }
}

fn main() {}
