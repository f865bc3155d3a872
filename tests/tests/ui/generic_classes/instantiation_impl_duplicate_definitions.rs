// A function of an impl of one instantiation and one of the same name for every
// instantiation: rustc's E0592.
use jitclass::jitclass;

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Stack<T> {
    pub fn size(&self) -> usize {
        self.items.len()
    }
}

#[jitclass]
impl Stack<f64> {
    pub fn size(&self) -> usize {
        self.items.len() + 1
    }
}

fn main() {}
