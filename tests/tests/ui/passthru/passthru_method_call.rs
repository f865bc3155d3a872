use jitclass::{PassThru, jit};

pub struct Opaque {
    items: Vec<i64>,
}

impl Opaque {
    pub fn total(&self) -> i64 {
        self.items.iter().sum()
    }
}

#[jit]
fn total(p: PassThru<Opaque>) -> i64 {
    p.total()
}

fn main() {}
