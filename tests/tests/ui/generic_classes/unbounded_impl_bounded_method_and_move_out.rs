// The methods of an impl with an unbounded parameter that use no value of it but as a
// whole value are checked by rustc: a call of a method of another impl whose bound `T`
// lacks (E0599), and a move of `self.v: T` out of `&self` (E0507).
use jitclass::jitclass;

#[jitclass]
pub struct A<T> {
    pub v: T,
}

#[jitclass]
impl<T: Copy> A<T> {
    pub fn get(&self) -> T {
        self.v
    }
}

#[jitclass]
impl<T> A<T> {
    pub fn new(v: T) -> Self {
        A { v }
    }

    pub fn twice(&self) -> T {
        self.get()
    }

    pub fn moved_out(&self) -> T {
        self.v
    }
}

fn main() {}
