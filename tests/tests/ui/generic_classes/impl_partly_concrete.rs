// An impl of a generic class for the instantiations matching a pattern (`impl<T>
// Pair<T, f64>`) is valid Rust that jitclass does not have yet: refused at the class's
// arguments, saying what to write instead.
use jitclass::jitclass;

#[jitclass]
pub struct Pair<A, B> {
    first: A,
    second: B,
}

#[jitclass]
impl<T: Copy> Pair<T, f64> {
    pub fn scaled(&self) -> f64 {
        self.second * 2.0
    }
}

fn main() {}
