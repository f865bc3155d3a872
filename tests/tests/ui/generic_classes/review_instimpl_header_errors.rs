// The header of an impl of one instantiation with a wrong number of arguments, an
// unknown type and a parameter never declared: rustc's errors (E0107, E0425), at the
// argument, naming no hidden item.
use jitclass::jitclass;

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl Bag<f64, i64> {
    pub fn first(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
impl Bag<Nope> {
    pub fn second(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
impl Bag<T> {
    pub fn fourth(&self) -> usize {
        self.items.len()
    }
}

fn main() {}
