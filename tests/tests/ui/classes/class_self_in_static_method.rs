use jitclass::jitclass;

#[jitclass]
struct Counter {
    total: i64,
}

#[jitclass]
impl Counter {
    fn new() -> Counter {
        Counter { total: 0 }
    }

    fn total_of_nothing() -> i64 {
        self.total
    }
}

fn main() {}

#[jitclass::jit]
fn not_a_method(x: f64) -> f64 {
    self.scale(x)
}
