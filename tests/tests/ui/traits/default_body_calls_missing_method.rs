use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.perimeter() * k
    }
}

fn main() {}
