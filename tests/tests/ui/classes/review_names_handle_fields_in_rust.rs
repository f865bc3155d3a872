// A handle's fields in Rust code: they are the class's names, not its values. Reading one
// as its value, or destructuring a handle into values, is a type error naming what the
// handle's field is (Rust code reads fields through `p.x()`).
use jitclass::jitclass;

#[jitclass]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[jitclass]
impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

fn main() {
    let p = Point::new(1.0, 2.0);
    let x: f64 = p.x;
    let Point { x: a, y: b } = Point::new(3.0, 4.0);
    let sum: f64 = a + b;
    let _ = (x, sum);
}
