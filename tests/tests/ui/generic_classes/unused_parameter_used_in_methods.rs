use jitclass::{jit, jitclass};

// A parameter used only in the methods is E0392 at the struct, once, with no follow-up
// errors from the impl or its uses.

#[jitclass]
pub struct U<T> {
    pub v: i64,
}

#[jitclass]
impl<T: Copy> U<T> {
    pub fn new(v: i64) -> Self {
        U { v }
    }

    pub fn echo(&self, x: T) -> T {
        x
    }
}

#[jit]
fn f(u: U<f64>) -> f64 {
    u.echo(1.5)
}

fn main() {
    let _ = f(U::<f64>::new(1));
}
