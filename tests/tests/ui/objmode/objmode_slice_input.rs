use jitclass::{jit, objmode};

// A Rust block could keep a borrowed slice past the call it was lent to.
#[jit]
fn keep(xs: &[f64]) -> f64 {
    objmode!(|xs: &[f64]| -> f64 { xs[0] })
}

fn main() {}
