use jitclass::{jit, objmode};

#[jit]
fn untyped(x: f64) -> f64 {
    let y: f64 = objmode!(|x: f64| { x * 2.0 });
    y
}

fn main() {}
