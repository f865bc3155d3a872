use jitclass::jitclass;

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }
}

fn main() {
    let _ = Stack::<f64, i64>::new();
}
