use jitclass::jit;

struct Point {
    x: f64,
    y: f64,
}

#[jit]
fn origin() -> f64 {
    let p = Point { x: 0.0, y: 0.0 };
    0.0
}

fn main() {}
