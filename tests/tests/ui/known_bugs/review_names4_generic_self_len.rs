// A generic class's method whose array length names `Self`'s constant: rustc builds it
// (with a future-incompatibility warning).
use jitclass::jitclass;

#[jitclass]
pub struct Holder<T> {
    pub items: Vec<T>,
}

#[jitclass]
impl<T> Holder<T> {
    pub const N: usize = 3;

    pub fn new() -> Self {
        Holder { items: Vec::new() }
    }

    pub fn size(&self) -> usize {
        let a = [0_u8; Self::N];
        self.items.len() + a.len()
    }
}

fn main() {
    let h: Holder<i64> = Holder::new();
    assert_eq!(h.size(), 3);
}
