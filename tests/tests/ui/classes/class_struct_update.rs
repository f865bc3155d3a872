use jitclass::jitclass;

#[jitclass]
struct Point {
    x: f64,
    y: f64,
}

#[jitclass]
impl Point {
    fn with_x(&self, x: f64) -> Point {
        Point { x, ..self }
    }
}

fn main() {}
