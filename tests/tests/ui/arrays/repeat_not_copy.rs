use jitclass::{jit, jitclass};

#[jitclass]
pub struct Body {
    pub x: f64,
}

#[jitclass]
impl Body {
    pub fn new() -> Body {
        Body { x: 0.0 }
    }
}

#[jit]
fn three() -> f64 {
    let a = [Body::new(); 3];
    a[0].x
}

#[jit]
fn slots() -> usize {
    let a: [Option<Body>; 4] = [None; 4];
    a.len()
}

fn main() {}
