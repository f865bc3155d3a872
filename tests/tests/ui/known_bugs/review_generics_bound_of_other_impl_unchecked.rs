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
