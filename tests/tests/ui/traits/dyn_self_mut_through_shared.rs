// `self` of a `&self` method where a `&mut dyn Fig` is expected: rustc's E0308 (types
// differ in mutability), at `self`.
use jitclass::jitclass;

#[jitclass::jit]
pub trait Fig {
    fn grow(&mut self);
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn grow(&mut self) {
        self.r += 1.0;
    }
}

#[jitclass]
impl Disk {
    pub fn grow_shared(&self) {
        let r: &mut dyn Fig = self;
        r.grow();
    }
}

fn main() {}
