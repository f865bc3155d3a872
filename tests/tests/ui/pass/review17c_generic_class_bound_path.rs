// In a generic class's impl bounded by a `#[jit] trait`, `T::price(&self.item)` (valid
// Rust: `T: Price` gives `Price::price`) was refused: "functions of generic parameters
// (`T::price(..)`) are not supported in jit code yet" (the impl's bounds now bound its
// functions' leading generics).
use jitclass::{jit, jitclass};

#[jit]
pub trait Price {
    fn price(&self) -> i64;
}

#[jitclass]
pub struct Item {
    p: i64,
}

#[jitclass]
impl Item {
    pub fn make(p: i64) -> Item {
        Item { p }
    }
}

#[jitclass]
impl Price for Item {
    fn price(&self) -> i64 {
        self.p * 2
    }
}

#[jitclass]
pub struct Cart<T> {
    item: T,
}

#[jitclass]
impl<T: Price> Cart<T> {
    pub fn of(item: T) -> Self {
        Cart { item }
    }
    pub fn total(&self) -> i64 {
        T::price(&self.item) + <T as Price>::price(&self.item)
    }
}

fn main() {
    assert_eq!(Cart::of(Item::make(3)).total(), 12);
}
