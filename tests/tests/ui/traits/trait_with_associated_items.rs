use jitclass::jit;

#[jit]
pub trait Shape<T> {
    const SIDES: usize;
    fn area(&self) -> f64;
    fn map<U>(&self, u: U) -> U;
}

fn main() {}
