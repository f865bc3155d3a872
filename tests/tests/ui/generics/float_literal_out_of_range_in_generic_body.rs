// rustc's overflowing_literals for floats holds for every type: a build error in a generic body.
use jitclass::jit;

#[jit]
fn float_literal<T>(x: T) -> f64 {
    let _ = x;
    1e400
}

#[jit]
fn f32_literal<T>(x: T) -> f32 {
    let _ = x;
    let y: f32 = 1e39;
    y
}

fn main() {}
