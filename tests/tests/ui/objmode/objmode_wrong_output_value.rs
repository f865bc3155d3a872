use jitclass::{jit, objmode};

#[jit]
fn length(x: f64) -> i64 {
    objmode!(|x: f64| -> i64 { format!("{x}") })
}

fn main() {}
