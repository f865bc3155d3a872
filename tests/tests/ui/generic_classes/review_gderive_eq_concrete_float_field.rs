use jitclass::jitclass;

// rustc: E0277 `f64: Eq` and `f64: Hash` at the concrete field, as without parameters.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Mixed<T> {
    pub x: f64,
    pub t: T,
}

fn main() {}
