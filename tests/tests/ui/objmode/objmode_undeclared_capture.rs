use jitclass::{jit, objmode};

#[jit]
fn scaled(x: f64, factor: f64) -> f64 {
    objmode!(|x: f64| -> f64 { x * factor })
}

fn main() {}
