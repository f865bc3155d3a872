// An impl of one instantiation over a type jit code lacks: one E0277 "`File` cannot be
// passed to jit code", at the argument (the glue's items assume it, naming nothing more).
use jitclass::jitclass;

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl Bag<std::fs::File> {
    pub fn third(&self) -> usize {
        self.items.len()
    }
}

fn main() {}
