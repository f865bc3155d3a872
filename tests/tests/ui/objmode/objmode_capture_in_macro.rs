use jitclass::{jit, objmode};

#[jit]
fn labelled(x: f64, unit: i64) -> f64 {
    objmode!(|x: f64| -> f64 {
        println!("{x} {unit}");
        x
    })
}

fn main() {}
