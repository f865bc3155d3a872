use jitclass::jitclass;

// An operator or property of a generic class outside its impl's bounds, from Rust: rustc's
// E0369 / E0599 at the use, naming the bound.
use std::ops::Sub;

#[jitclass]
pub struct G2<T> {
    pub x: T,
    pub y: T,
}

#[jitclass]
impl<T: Copy> G2<T> {
    pub fn new(x: T, y: T) -> Self {
        G2 { x, y }
    }
}

#[jitclass]
impl<T: Copy + Sub<Output = T>> Sub for G2<T> {
    type Output = G2<T>;
    fn sub(self, o: G2<T>) -> G2<T> {
        G2 { x: self.x - o.x, y: self.y - o.y }
    }
}

#[jitclass]
impl<T: Copy + Sub<Output = T>> G2<T> {
    #[getter]
    pub fn width(&self) -> T {
        self.y - self.x
    }
}

fn main() {
    let _ = G2::new(true, false) - G2::new(false, false);
    let _ = G2::new(true, false).width();
}
