use jitclass::jit;

#[jit]
struct Point {
    x: f64,
    y: f64,
}

fn main() {
    let p = Point { x: 1.0, y: 2.0 };
    let _ = p.x + p.y;
}
