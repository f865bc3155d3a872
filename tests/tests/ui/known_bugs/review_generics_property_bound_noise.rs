use jitclass::{jit, jitclass};
use std::ops::Sub;

#[jitclass]
pub struct Span<T> {
    lo: T,
    hi: T,
}

#[jitclass]
impl<T: Copy + Sub<Output = T>> Span<T> {
    #[getter]
    pub fn width(&self) -> T {
        self.hi - self.lo
    }
}

#[jit]
fn width(s: Span<bool>) -> bool {
    s.width
}

fn main() {}
