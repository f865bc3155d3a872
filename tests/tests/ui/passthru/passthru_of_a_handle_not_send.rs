use jitclass::{PassThru, jitclass};

#[jitclass]
struct Point {
    x: f64,
}

#[jitclass]
impl Point {
    fn new() -> Point {
        Point { x: 0.0 }
    }
}

// A `PassThru` is `Send` only for `Send + Sync` values, as an `Arc`.
fn main() {
    let p = PassThru::new(Point::new());
    std::thread::spawn(move || p.x());
}
