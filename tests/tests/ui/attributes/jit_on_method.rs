use jitclass::jit;

struct Point {
    x: f64,
}

impl Point {
    #[jit]
    fn get_x(&self) -> f64 {
        self.x
    }
}

fn main() {
    let p = Point { x: 1.0 };
    let _ = p.get_x();
}
