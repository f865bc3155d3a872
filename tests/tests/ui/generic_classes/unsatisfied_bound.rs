use jitclass::jitclass;

#[jitclass]
pub struct Point {
    x: f64,
}

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }
}

fn main() {
    // A class is a counted reference, not `Copy`: the impl's bound is unsatisfied.
    let _ = Stack::<Point>::new();
}
