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

#[jitclass]
pub struct System {
    pub bodies: [Body; 2],
}

#[jitclass]
impl System {
    pub fn first(&self) -> Body {
        let bodies = self.bodies;
        bodies[0].clone()
    }
}

#[jit]
fn element() -> f64 {
    let a = [Body::new(), Body::new()];
    let b = a[0];
    b.x
}

#[jit]
fn after_move() -> usize {
    let a = [Body::new(), Body::new()];
    let b = a;
    a.len() + b.len()
}

fn main() {}
