// A jit fn called with a wrong argument type in two methods of one impl block: each
// call is refused at its own argument, as rustc refuses a plain copy (E0308).
use jitclass::{jit, jitclass};

#[jit]
pub fn grow(x: i64) -> i64 {
    x + 1
}

#[jitclass]
pub struct Plant {
    h: i64,
}

#[jitclass]
impl Plant {
    pub fn tall(&self) -> i64 {
        grow(self.h) + grow(1.5)
    }

    pub fn taller(&self) -> i64 {
        grow(true) + grow(self.h)
    }
}

fn main() {}
