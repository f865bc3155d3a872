use jitclass::jit;

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jit]
pub trait Solid: Shape {
    fn volume(&self, h: f64) -> f64 {
        self.area() * h
    }
}

fn main() {}
