// The body of a function of one instantiation (`impl Odd<u8>`) is rustc's to check, as
// the same impl in Rust: a wrong return type (E0308), an unknown method (E0599) and field,
// an operator the types lack (E0277), each at the user's token, naming `Odd<u8>`.
use jitclass::jitclass;

#[jitclass]
pub struct Odd<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Odd<T> {
    pub fn new() -> Self {
        Odd { items: Vec::new() }
    }
}

#[jitclass]
impl Odd<u8> {
    pub fn wrong(&self) -> i64 {
        self.items.len()
    }

    pub fn unknown(&self) -> i64 {
        self.nope()
    }

    pub fn missing(&self) -> u8 {
        self.missing
    }

    pub fn bad_add(&self) -> u8 {
        self.items[0] + 1.5
    }
}

fn main() {}
