use jitclass::{jit, objmode};

#[jit]
fn label(x: f64) -> f64 {
    let _s = objmode!(|x: f64| -> std::collections::BTreeSet<i64> { Default::default() });
    x
}

fn main() {}
