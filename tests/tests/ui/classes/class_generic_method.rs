use jitclass::jitclass;

#[jitclass]
struct Acc {
    total: f64,
}

#[jitclass]
impl Acc {
    fn add<T>(&mut self, x: T) {
        self.total += x as f64;
    }
}

fn main() {}
