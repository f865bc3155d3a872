use jitclass::jitclass;

#[jitclass]
struct Circle {
    radius: f64,
}

#[jitclass]
impl Circle {
    fn radius(&self) -> f64 {
        self.radius * 2.0
    }
}

fn main() {}
