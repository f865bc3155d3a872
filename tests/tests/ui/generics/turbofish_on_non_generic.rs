// A turbofish on a fn or a method without type parameters: rustc's E0107.
use jitclass::jit;

#[jit]
fn two(a: f64, b: f64) -> f64 {
    a + b
}

#[jit]
fn caller() -> f64 {
    two::<f64>(1.0, 2.0)
}

#[jit]
fn on_std_method() -> usize {
    let mut v: Vec<i64> = Vec::new();
    v.push::<i64>(1);
    v.len()
}

fn main() {}
