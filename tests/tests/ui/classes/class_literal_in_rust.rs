// A class's struct literal is jit code's: Rust code makes instances through the class's
// constructors, and a literal in Rust is refused (the handle's first field holds the
// instance's reference, a type Rust code cannot make with a literal).
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
    let p = Point { x: 1.0, y: 2.0 };
    let _ = p.x();
}
