use jitclass::{jit, objmode};

#[jit]
fn unknown(x: f64) -> f64 {
    objmode!(|x: f64, scale: f64| -> f64 { x * scale })
}

fn main() {}
