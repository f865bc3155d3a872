use jitclass::jitclass;

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
}

#[jitclass]
impl Stack<f64> {
    pub fn total(&self) -> f64 {
        let mut s = 0.0;
        for x in self.items.iter() {
            s += *x;
        }
        s
    }
}

fn main() {}
