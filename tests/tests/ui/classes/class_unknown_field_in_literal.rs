use jitclass::jitclass;

#[jitclass]
struct Point {
    x: f64,
}

#[jitclass]
impl Point {
    fn new() -> Point {
        Point { x: 0.0, z: 1.0 }
    }
}

fn main() {
    let _ = Point::new();
}
