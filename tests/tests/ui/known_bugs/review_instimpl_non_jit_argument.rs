// An impl of one instantiation over a type jit code lacks: rustc's E0277 "`File` cannot
// be passed to jit code" at the argument is right, but a second E0277 follows at
// `#[jitclass]`, naming `jitclass::__private::call_1` and listing every `JitArg` type.
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
