use jitclass::{jit, objmode};

#[jit]
fn mistyped(n: i64) -> i64 {
    objmode!(|n: f64| -> i64 { n as i64 })
}

fn main() {}
