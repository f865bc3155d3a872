// A bound on a generic method's own parameter is rustc's to check (E0277), from Rust and
// from jit code.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Wrap<T> {
    value: T,
}

#[jitclass]
impl<T: Copy> Wrap<T> {
    pub fn new(value: T) -> Self {
        Wrap { value }
    }

    pub fn with<U: Copy>(&self, other: U) -> (T, U) {
        (self.value, other)
    }
}

#[jit]
fn in_jit_code() -> i64 {
    let w = Wrap::new(1_i64);
    let inner = Wrap::new(2_i64);
    let (a, _) = w.with(inner);
    a
}

fn main() {
    let w = Wrap::new(1_i64);
    w.with(Wrap::new(2_i64));
}
